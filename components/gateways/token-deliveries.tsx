"use client";

import { DateTime } from "@/components/apps/date-time";
import { Badge } from "@/components/ui/badge";
import { useTokenDeliveries } from "@/lib/gateways/client/queries";
import type { TokenDelivery } from "@/lib/gateways/list-token-deliveries";

const LOOK: Record<TokenDelivery["status"], { variant: "success" | "warning" | "destructive"; label: string }> = {
  delivered: { variant: "success", label: "Acknowledged" },
  pending: { variant: "warning", label: "Pending" },
  failed: { variant: "destructive", label: "Failed" },
};

/** For a revoked token: which gateways acknowledged the revocation and when; polls while any is pending. */
export function TokenDeliveries({ appId, tokenId }: { appId: string; tokenId: string }) {
  const deliveries = useTokenDeliveries(appId, tokenId);

  if (deliveries.isPending) return <p className="mt-1.5 text-xs text-muted-foreground">Checking gateways…</p>;
  if (deliveries.isError)
    return <p className="mt-1.5 text-xs text-destructive">Could not load gateway acknowledgements: {deliveries.error.message}</p>;
  if (deliveries.data.length === 0) return <p className="mt-1.5 text-xs text-muted-foreground">No gateway to notify.</p>;

  return (
    <ul aria-label="Gateway acknowledgements" className="mt-1.5 grid gap-1 text-xs" data-testid={`deliveries-${tokenId}`}>
      {deliveries.data.map((d) => (
        <li key={d.gatewayName} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <span className="font-medium">{d.gatewayName}</span>
          <span className="text-muted-foreground">{d.environment}</span>
          <Badge variant={LOOK[d.status].variant}>{LOOK[d.status].label}</Badge>
          {d.status === "delivered" && (
            <span className="text-muted-foreground">
              <DateTime iso={d.deliveredAt} />
              {d.latencyMs !== null && `, ${d.latencyMs.toLocaleString("en")} ms`}
            </span>
          )}
          {d.status !== "delivered" && d.lastError && (
            <span className="text-muted-foreground">
              {d.attempts} attempt{d.attempts === 1 ? "" : "s"}: {d.lastError}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
