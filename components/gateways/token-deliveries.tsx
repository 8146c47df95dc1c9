"use client";

import { DateTime } from "@/components/apps/date-time";
import { Badge } from "@/components/ui/badge";
import { useTokenDeliveries } from "@/lib/client/gateways/queries";
import type { TokenDelivery } from "@/lib/gateways/list-app-token-deliveries";
import { propagationLine } from "@/lib/gateways/propagation.shared";

const LOOK: Record<TokenDelivery["status"], { variant: "success" | "warning" | "destructive"; label: string }> = {
  delivered: { variant: "success", label: "Acknowledged" },
  pending: { variant: "warning", label: "Pending" },
  failed: { variant: "destructive", label: "Failed" },
};

/**
 * For a revoked token: one line saying whether every gateway has heard ("reached every gateway in 42 ms"), or how
 * many did and what became of the rest (propagation.shared.ts), polled while it propagates. Admins also get each gateway's acknowledgement, attempts and last error.
 */
export function TokenDeliveries({ appId, tokenId }: { appId: string; tokenId: string }) {
  const query = useTokenDeliveries(appId, tokenId);

  if (query.isPending) return <p className="mt-1.5 text-xs text-muted-foreground">Checking gateways…</p>;
  if (query.isError) return <p className="mt-1.5 text-xs text-destructive">Could not check the gateways: {query.error.message}</p>;
  const { propagation, deliveries } = query.data;

  return (
    <div className="mt-1.5 grid gap-1 text-xs" data-testid={`deliveries-${tokenId}`}>
      <p
        className={propagation.state === "partial" && propagation.sending === 0 ? "text-warning" : "text-muted-foreground"}
        data-testid="propagation"
      >
        {propagationLine(propagation)}
      </p>
      {deliveries && deliveries.length > 0 && (
        <ul aria-label="Gateway acknowledgements" className="grid gap-1">
          {deliveries.map((d) => (
            <li key={d.gatewayName} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
              <span className="font-medium break-all">{d.gatewayName}</span>
              <span className="text-muted-foreground">{d.environment}</span>
              <Badge variant={LOOK[d.status].variant}>{LOOK[d.status].label}</Badge>
              {d.status === "delivered" && (
                <span className="text-muted-foreground">
                  <DateTime iso={d.deliveredAt} />
                  {d.latencyMs !== null && `, ${d.latencyMs.toLocaleString("en")} ms`}
                </span>
              )}
              {d.status !== "delivered" && d.lastError && (
                <span className="break-all text-muted-foreground">
                  {d.attempts} attempt{d.attempts === 1 ? "" : "s"}: {d.lastError}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
