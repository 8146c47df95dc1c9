import { Badge } from "@/components/ui/badge";
import { causeLabel } from "@/lib/engine/changes/causes.shared";
import type { TokenSummary } from "@/lib/tokens/list-tokens";

const LOOK = {
  active: { variant: "success", label: "Active" },
  expired: { variant: "secondary", label: "Expired" },
  revoked: { variant: "destructive", label: "Revoked" },
} as const;

/** Status badge, and for a revoked token who revoked it and how. */
export function TokenStatus({ token }: { token: Pick<TokenSummary, "status" | "revokedBy" | "revokedReason"> }) {
  const look = LOOK[token.status];

  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Badge variant={look.variant}>{look.label}</Badge>
      {token.status === "revoked" && token.revokedBy && (
        <span className="text-xs text-muted-foreground">
          by {token.revokedBy}
          {causeLabel(token.revokedReason) ? ` ${causeLabel(token.revokedReason)}` : ""}
        </span>
      )}
    </span>
  );
}
