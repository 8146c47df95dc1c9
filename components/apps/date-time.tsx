const FORMAT = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** A timestamp in the reader's locale and time zone; the server's rendering may differ by zone, hence no hydration warning. */
export function DateTime({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  if (!iso) return <span className="text-muted-foreground">{fallback}</span>;

  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {FORMAT.format(new Date(iso))}
    </time>
  );
}
