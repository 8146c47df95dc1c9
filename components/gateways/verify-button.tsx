"use client";

import { Button } from "@/components/ui/button";
import { canaryLine } from "@/lib/base/canary.shared";
import { useVerifyGateway } from "@/lib/client/gateways/mutations";
import type { GatewaySummary } from "@/lib/gateways/schemas.shared";
import { ShieldCheck } from "lucide-react";
import { toast } from "sonner";

/** Why Verify cannot run for this gateway, or null. */
const whyNot = (g: GatewaySummary) =>
  !g.canaryUrl ? "Add a canary URL (Edit) to verify this gateway." : !g.enabled ? "Enable the gateway to verify it." : null;

/** "Verify": runs the canary through the gateway (README, "Canary") and says what it found, inline and in a toast. */
export function VerifyButton({ gateway }: { gateway: GatewaySummary }) {
  const verify = useVerifyGateway(gateway.id);
  const reason = whyNot(gateway);
  const reasonId = `verify-reason-${gateway.id}`;
  const run = verify.data;

  function start() {
    verify.mutate(undefined, {
      onSuccess: (r) => (r.outcome === "passed" ? toast.success : toast.error)(`${gateway.name}: ${canaryLine(r)}`),
      onError: (err) => toast.error(`Could not run the canary: ${err.message}`),
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        pending={verify.isPending}
        disabled={reason !== null}
        onClick={start}
        aria-label={`Verify ${gateway.name} with a canary`}
        aria-describedby={reason ? reasonId : undefined}
      >
        <ShieldCheck aria-hidden="true" /> Verify
      </Button>
      {reason && (
        <span id={reasonId} className="text-xs text-muted-foreground">
          {reason}
        </span>
      )}
      {/* aria-live, not role=status: the card's one status is the test notice's */}
      <span
        aria-live="polite"
        data-testid="verify-result"
        className={run && run.outcome !== "passed" ? "text-sm text-destructive" : "text-sm text-success"}
      >
        {verify.isPending ? "Running the canary…" : verify.isError ? verify.error.message : run ? canaryLine(run) : null}
      </span>
    </div>
  );
}
