import { store, type QueuedNotices } from "@/lib/data/store";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { getGatewayOrThrow } from "@/lib/gateways/get-gateway-or-throw";

type RedeliverOptions = { gatewayId: string; sequence?: number; actor: Actor };

/**
 * Puts failed deliveries back in the queue with a fresh retry window — one event, or everything
 * failed for the gateway —, due now; the door flushes the returned notices.
 */
export async function redeliver({ gatewayId, sequence, actor }: RedeliverOptions): Promise<{ queued: number; notices: QueuedNotices }> {
  assertCan(actor, "gateways.manage");
  await getGatewayOrThrow(gatewayId);
  const sequences = await store().requeueFailed(gatewayId, sequence);
  await recordAuditEvent({
    appId: null,
    actor,
    action: "gateway.redelivered",
    detail: { gatewayId, sequence, count: sequences.length },
  });

  return { queued: sequences.length, notices: { sequences, revoked: [], gatewayId } };
}
