const FORMAT = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** A timestamp in the reader's time zone; the server renders in its own zone, hence no hydration warning. */
export function DateTime({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  if (!iso) return <span className="text-muted-foreground">{fallback}</span>;

  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {FORMAT.format(new Date(iso))}
    </time>
  );
}
