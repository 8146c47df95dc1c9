import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

/** Removes a gateway, its pending deliveries and its introspection client. */
export async function deleteGateway({ gatewayId, actor }: { gatewayId: string; actor: Actor }): Promise<void> {
  assertCan(actor, "gateways.manage");
  const gateway = await getGatewayOrThrow(gatewayId);
  await db.$transaction(async (tx) => {
    await tx.gateway.delete({ where: { id: gatewayId } }); // deliveries cascade
    await tx.clientSecret.deleteMany({ where: { clientId: gateway.clientId } });
    await tx.client.delete({ where: { id: gateway.clientId } });
    await recordAuditEvent({ appId: null, actor, action: "gateway.deleted", detail: { gatewayId, name: gateway.name } }, tx);
  });
}
