import { store, type DeliveryAttempt, type QueuedNotices } from "@/lib/store";
import { track } from "./in-flight";
import { scheduleRaceResend } from "./race-resend";
import { sendDeliveries } from "./send-deliveries";

/**
 * The door's half of a token change: sends the first attempt of every notice the transaction
 * queued (this process holds their lease), in parallel, and schedules the race re-send. Every door
 * calls it once its answer is on the way: the node:http front, the App Router routes, the CLI and
 * the worker. Never rejects: what fails here stays queued, and the worker retries it.
 * Resolves with the attempts, so the CLI can say what was acknowledged.
 */
export async function flushNotices(notices: QueuedNotices): Promise<DeliveryAttempt[]> {
  scheduleRaceResend(notices.revoked);
  if (notices.sequences.length === 0) return [];
  try {
    const deliveries = await store().loadDeliveries(notices.sequences, notices.gatewayId);

    return await track(sendDeliveries(deliveries));
  } catch (err) {
    console.error("first delivery attempt failed; the worker will retry", err);
    return [];
  }
}
