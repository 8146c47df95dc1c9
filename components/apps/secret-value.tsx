import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/client/cn";

type SecretValueProps = { label: string; value: string; className?: string };

/** A credential in a monospace box that wraps on a phone, with a labelled copy button. */
export function SecretValue({ label, value, className }: SecretValueProps) {
  const id = `value-${label.toLowerCase().replace(/\W+/g, "-")}`;

  return (
    <div className={cn("grid gap-1.5", className)}>
      <span id={id} className="text-sm font-medium">
        {label}
      </span>
      <div className="flex items-start gap-2">
        <code aria-labelledby={id} className="min-w-0 flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all select-all">
          {value}
        </code>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
