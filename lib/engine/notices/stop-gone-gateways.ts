import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { systemActor } from "@/lib/engine/identity/actor.shared";

/**
 * A gateway that answers 410 Gone asks to be sent nothing more (Standard Webhooks, Svix): it is
 * disabled, as an admin would disable it — its notices are held, not dropped, and its client can no
 * longer introspect (a gateway that stops hearing of revocations must fail closed) — and the trail
 * says why. Enabling it again releases what was held, in order.
 */
export async function stopGoneGateways(gatewayIds: Iterable<string>, now = new Date()): Promise<void> {
  for (const gatewayId of new Set(gatewayIds)) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.gateway.updateMany({ where: { id: gatewayId, disabledAt: null }, data: { disabledAt: now } });
      if (count === 0) return; // already disabled (or deleted): said once
      const { clientId } = await tx.gateway.findUniqueOrThrow({ where: { id: gatewayId }, select: { clientId: true } });
      await tx.client.update({ where: { id: clientId }, data: { disabledAt: now } });
      await recordAuditEvent(
        {
          appId: null,
          actor: systemActor("deliveries"),
          action: "gateway.updated",
          detail: { gatewayId, enabled: false, reason: "answered 410 Gone", before: { enabled: true } },
        },
        tx,
      );
    });
  }
}
