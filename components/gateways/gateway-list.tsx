"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { useGateways } from "@/lib/client/gateways/queries";
import type { GatewayWithHealth } from "@/lib/gateways/list-gateways";
import { Network } from "lucide-react";
import { AddGatewayDialog } from "./add-gateway-dialog";
import { GatewayCard } from "./gateway-card";

type GatewayListProps = { initialGateways: GatewayWithHealth[]; issuer: string };

/** Every gateway with live health (polled every few seconds), or what to do when there is none. */
export function GatewayList({ initialGateways, issuer }: GatewayListProps) {
  const { data: gateways = initialGateways, isError, error } = useGateways(initialGateways);

  if (gateways.length === 0) {
    return (
      <EmptyState
        icon={<Network />}
        title="No gateways yet"
        description="Add the gateways that cache token validation. Each gets a signing secret and introspection credentials, and is told at once when a token is revoked."
        action={<AddGatewayDialog issuer={issuer} label="Add your first gateway" />}
      />
    );
  }

  return (
    <div className="grid gap-4">
      {isError && <p className="text-sm text-destructive">Could not refresh the health figures: {error.message}</p>}
      <ul className="grid gap-4" aria-label="Gateways">
        {gateways.map((gateway) => (
          <li key={gateway.id}>
            <GatewayCard gateway={gateway} />
          </li>
        ))}
      </ul>
    </div>
  );
}
