import { recordAuditEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db/client";
import { RETRY_WINDOW_MS } from "@/lib/store/outbox-sql";
import { assertAdmin, type AdminActor } from "./admin-actor";
import { deliverDue } from "./delivery-worker";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

type RedeliverOptions = { gatewayId: string; sequence?: number; actor: AdminActor; ip?: string | null; now?: number };

/**
 * Puts failed deliveries back in the queue with a fresh 24 h window — one event, or everything
 * failed for the gateway — and starts a delivery pass at once. Returns how many were queued.
 */
export async function redeliver({ gatewayId, sequence, actor, ip, now = Date.now() }: RedeliverOptions): Promise<{ queued: number }> {
  assertAdmin(actor);
  await getGatewayOrThrow(gatewayId);
  const { count } = await db.delivery.updateMany({
    where: { gatewayId, status: "failed", ...(sequence === undefined ? {} : { eventSequence: sequence }) },
    data: { status: "pending", nextAttemptAt: new Date(now), giveUpAt: new Date(now + RETRY_WINDOW_MS), leaseUntil: null },
  });
  await recordAuditEvent({
    appId: null,
    actorId: actor.id,
    actor: actor.email,
    ip,
    action: "gateway.redelivered",
    detail: { gatewayId, sequence, count },
  });
  if (count > 0) void deliverDue().catch((err) => console.error("redelivery pass failed", err));

  return { queued: count };
}
