import { env } from "@/lib/base/env";
import { tellOtherWorkers } from "@/lib/data/bus/cluster-bus";
import { eventsCommitted } from "@/lib/data/bus/messages";
import { engineOf } from "@/lib/data/db/engine";
import { store, type DeliveryAttempt, type QueuedNotices } from "@/lib/data/store";
import { LEASE_MS } from "@/lib/data/store/outbox-sql";
import { track } from "./in-flight";
import { sendDeliveries } from "./send-deliveries";

/**
 * The door's half of a token change: claims and sends the first attempt of every notice the
 * transaction queued (unless a worker claimed it first), in parallel. Every door
 * calls it once its answer is on the way: the node:http front, the App Router routes, the CLI and
 * the worker. Never rejects: what fails here stays queued, and the worker retries it.
 * Resolves with the attempts, so the CLI can say what was acknowledged.
 */
export async function flushNotices(notices: QueuedNotices): Promise<DeliveryAttempt[]> {
  if (notices.sequences.length === 0) return [];
  // PostgreSQL's transaction told every instance by NOTIFY; a SQLite server's other workers hear it here.
  if (notices.revoked.length > 0 && engineOf(env.DATABASE_URL) !== "postgresql") {
    tellOtherWorkers(eventsCommitted("token.revoked", notices.sequences));
  }
  try {
    const deliveries = await store().claimQueued(notices.sequences, notices.gatewayId, LEASE_MS);

    return await track(sendDeliveries(deliveries));
  } catch (err) {
    console.error("first delivery attempt failed; the worker will retry", err);
    return [];
  }
}
