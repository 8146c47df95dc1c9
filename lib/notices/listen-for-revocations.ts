import { listenForEvents } from "@/lib/bus/postgres-listener";
import { engineOf } from "@/lib/db/engine";
import { env } from "@/lib/env";
import { onRevocationsElsewhere } from "./race-resend";

/**
 * Every instance learns of every committed revocation, so the race re-send covers an introspection
 * answered by any of them. On SQLite there is one instance, which hears its own commits directly.
 */
export function listenForRevocationsElsewhere(): () => Promise<void> {
  if (engineOf(env.DATABASE_URL) !== "postgresql") return async () => {};
  const listener = listenForEvents(
    env.DATABASE_URL,
    (m) => void onRevocationsElsewhere(m).catch((err) => console.error("race re-send for another instance's revocation failed", err)),
  );

  return listener.stop;
}
