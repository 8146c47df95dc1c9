import { env } from "@/lib/base/env";
import { hearOtherWorkers } from "@/lib/data/bus/cluster-bus";
import type { EventsCommitted } from "@/lib/data/bus/messages";
import { listenForEvents } from "@/lib/data/bus/postgres-listener";
import { engineOf } from "@/lib/data/db/engine";
import { onRevocationsElsewhere } from "./race-resend";

/**
 * Every instance learns of every committed revocation, so the race re-send covers an introspection
 * answered by any of them: on PostgreSQL from the instance bus, on SQLite from the server's other
 * cluster workers (a process hears its own commits directly).
 */
export function listenForRevocationsElsewhere(): () => Promise<void> {
  const onEvents = (m: EventsCommitted) =>
    void onRevocationsElsewhere(m).catch((err) => console.error("race re-send for another instance's revocation failed", err));
  if (engineOf(env.DATABASE_URL) !== "postgresql") {
    const stop = hearOtherWorkers(onEvents);
    return async () => stop();
  }

  return listenForEvents(env.DATABASE_URL, onEvents).stop;
}
