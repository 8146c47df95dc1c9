import cluster from "node:cluster";
import type { EventsCommitted } from "./messages";

// On SQLite the instances of one server are its cluster workers, and PostgreSQL's NOTIFY is not
// there to tell them of each other's commits: a worker tells the primary, which tells the others.
const CHANNEL = "portcullis:bus";
type BusMessage = { channel: typeof CHANNEL; event: EventsCommitted };

const isBusMessage = (m: unknown): m is BusMessage =>
  typeof m === "object" && m !== null && (m as BusMessage).channel === CHANNEL && typeof (m as BusMessage).event === "object";

/** A worker: tells its siblings that it committed these events (no-op outside a cluster). */
export function tellOtherWorkers(event: EventsCommitted): void {
  if (cluster.isWorker && process.connected) process.send?.({ channel: CHANNEL, event } satisfies BusMessage);
}

/** A worker: hears its siblings' commits; returns the way to stop. */
export function hearOtherWorkers(onEvents: (m: EventsCommitted) => void): () => void {
  if (!cluster.isWorker) return () => {};
  const onMessage = (m: unknown) => isBusMessage(m) && onEvents(m.event);
  process.on("message", onMessage);

  return () => void process.off("message", onMessage);
}

// A worker killed a moment ago still looks connected until the primary hears of it; a message sent to it
// then fails with EPIPE, which without a callback is an 'error' event nobody handles: it took the
// primary, and every worker with it, down. What it misses, it would never have used.
const ignoreLost = () => {};

/** The primary: passes each worker's message to every other worker. */
export function relayBetweenWorkers(): void {
  cluster.on("message", (from, m: unknown) => {
    if (!isBusMessage(m)) return;
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker && worker !== from && worker.isConnected()) worker.send(m, ignoreLost);
  });
}
