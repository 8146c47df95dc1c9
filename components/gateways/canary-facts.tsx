import { DateTime } from "@/components/apps/date-time";
import { Badge } from "@/components/ui/badge";
import { canaryLine, type CanaryRunSummary } from "@/lib/base/canary.shared";
import { TriangleAlert } from "lucide-react";

/** The alert in the card's title: the newest canary found the gateway admitting a token it had heard was revoked. */
export function CanaryAlertBadge({ canary }: { canary: CanaryRunSummary | null }) {
  if (canary?.outcome !== "still_admitting") return null;

  return <Badge variant="destructive">Admits revoked tokens</Badge>;
}

/** The newest canary run: when, and what it found (red unless it passed). */
export function CanaryFacts({ canary }: { canary: CanaryRunSummary | null }) {
  if (!canary) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="gateway-canary">
        No canary run yet.
      </p>
    );
  }
  const passed = canary.outcome === "passed";

  return (
    <p className={passed ? "text-sm" : "flex items-start gap-1.5 text-sm font-medium text-destructive"} data-testid="gateway-canary">
      {!passed && <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />}
      <span>
        Canary, <DateTime iso={canary.startedAt} />: {canaryLine(canary)}
        {canary.detail && !passed && <span className="block text-xs font-normal">{canary.detail}</span>}
      </span>
    </p>
  );
}
