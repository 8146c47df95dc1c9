import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { gatewayHealth } from "./gateway-health";
import { GATEWAY_PUBLIC_SELECT, toGatewaySummary } from "./gateway-summary";
import type { GatewayHealth, GatewaySummary } from "./schemas.shared";

export type GatewayWithHealth = GatewaySummary & { health: GatewayHealth };

/** Every gateway with its delivery health, by name. */
export async function listGateways({ actor }: { actor: Actor }): Promise<GatewayWithHealth[]> {
  assertCan(actor, "gateways.manage");
  const gateways = await db.gateway.findMany({ select: GATEWAY_PUBLIC_SELECT, orderBy: { name: "asc" } });

  const listed = await Promise.all(
    gateways.map(async (g) => {
      const health = await gatewayHealth(g.id);

      return health && { ...toGatewaySummary(g), health }; // null: deleted meanwhile
    }),
  );

  return listed.filter((g) => g !== null);
}
