import { store, type QueuedNotices } from "@/lib/data/store";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { assertAdmin, type AdminActor } from "@/lib/engine/identity/assert-admin";
import { getGatewayOrThrow } from "@/lib/gateways/get-gateway-or-throw";

type RedeliverOptions = { gatewayId: string; sequence?: number; actor: AdminActor; ip?: string | null };

/**
 * Puts failed deliveries back in the queue with a fresh 24 h window — one event, or everything
 * failed for the gateway —, due now; the door flushes the returned notices.
 */
export async function redeliver({ gatewayId, sequence, actor, ip }: RedeliverOptions): Promise<{ queued: number; notices: QueuedNotices }> {
  assertAdmin(actor);
  await getGatewayOrThrow(gatewayId);
  const sequences = await store().requeueFailed(gatewayId, sequence);
  await recordAuditEvent({
    appId: null,
    actorId: actor.id,
    actor: actor.email,
    ip,
    action: "gateway.redelivered",
    detail: { gatewayId, sequence, count: sequences.length },
  });

  return { queued: sequences.length, notices: { sequences, revoked: [], gatewayId } };
}
