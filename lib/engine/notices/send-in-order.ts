import { store, type DeliveryAttempt, type QueuedNotices } from "@/lib/data/store";
import { LEASE_MS } from "@/lib/data/store/outbox-sql";
import { track } from "./in-flight";
import { sendDeliveries } from "./send-deliveries";

/**
 * The door's half of enabling a gateway: its held notices, one at a time in sequence order
 * (README, "Held, not dropped"), where flushNotices sends a change's notices in parallel. Each is
 * claimed just before it is sent, so stopping at the first one not acknowledged leaves the rest
 * due and unleased, for the worker's next pass. Never rejects.
 */
export async function sendInOrder(notices: QueuedNotices): Promise<DeliveryAttempt[]> {
  const attempts: DeliveryAttempt[] = [];
  try {
    for (const sequence of [...notices.sequences].sort((a, b) => a - b)) {
      const claimed = await store().claimQueued([sequence], notices.gatewayId, LEASE_MS);
      const [attempt] = await track(sendDeliveries(claimed));
      if (attempt) attempts.push(attempt);
      if (attempt && !attempt.ok) break;
    }
  } catch (err) {
    console.error("sending held notices failed; the worker will retry", err);
  }

  return attempts;
}
