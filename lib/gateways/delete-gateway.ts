import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { assertAdmin, type AdminActor } from "@/lib/engine/identity/assert-admin";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

/** Removes a gateway, its pending deliveries and its introspection client. */
export async function deleteGateway({ gatewayId, actor, ip }: { gatewayId: string; actor: AdminActor; ip?: string | null }): Promise<void> {
  assertAdmin(actor);
  const gateway = await getGatewayOrThrow(gatewayId);
  await db.$transaction(async (tx) => {
    await tx.gateway.delete({ where: { id: gatewayId } }); // deliveries cascade
    await tx.clientSecret.deleteMany({ where: { clientId: gateway.clientId } });
    await tx.client.delete({ where: { id: gateway.clientId } });
    await recordAuditEvent(
      { appId: null, actorId: actor.id, actor: actor.email, ip, action: "gateway.deleted", detail: { gatewayId, name: gateway.name } },
      tx,
    );
  });
}
