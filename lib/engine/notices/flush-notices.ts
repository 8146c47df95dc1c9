import { env } from "@/lib/base/env";
import { tellOtherWorkers } from "@/lib/data/bus/cluster-bus";
import { eventsCommitted } from "@/lib/data/bus/messages";
import { engineOf } from "@/lib/data/db/engine";
import { store, type DeliveryAttempt, type QueuedNotices } from "@/lib/data/store";
import { LEASE_MS } from "@/lib/data/store/outbox-sql";
import { track } from "./in-flight";
import { sendDeliveries } from "./send-deliveries";

// The flushes under way in this process, by the events they send. A group commit's revocations share
// their events (lib/data/store/split-events.ts), and each one's door flushes them: the first claims and
// sends, the others wait for its attempts instead of claiming again and telling the other workers again.
// Process-wide, like in-flight.ts: Next's bundles and server.ts load this module separately.
const flushing = ((globalThis as unknown as { portcullisFlushing?: Map<string, Promise<DeliveryAttempt[]>> }).portcullisFlushing ??=
  new Map());

/**
 * The door's half of a token change: claims and sends the first attempt of every notice the
 * transaction queued (unless a worker claimed it first), in parallel. Every door
 * calls it once its answer is on the way: the node:http front, the App Router routes, the CLI and
 * the worker. Never rejects: what fails here stays queued, and the worker retries it.
 * Resolves with the attempts, so the CLI can say what was acknowledged.
 */
export function flushNotices(notices: QueuedNotices): Promise<DeliveryAttempt[]> {
  if (notices.sequences.length === 0) return Promise.resolve([]);
  const key = `${notices.gatewayId ?? "*"}:${notices.sequences.join(",")}`;
  const running = flushing.get(key);
  if (running) return running;
  const flush = send(notices);
  flushing.set(key, flush);
  const forget = () => void flushing.delete(key);
  flush.then(forget, forget);

  return flush;
}

async function send(notices: QueuedNotices): Promise<DeliveryAttempt[]> {
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
