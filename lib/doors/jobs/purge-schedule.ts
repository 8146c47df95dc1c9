import { systemActor } from "@/lib/engine/identity/actor.shared";
import { purgeTokens } from "@/lib/tokens/purge-tokens";

/** Runs the purge every PORTCULLIS_PURGE_INTERVAL_MS (default hourly) until stopped. */
export function startPurgeSchedule(): () => void {
  const every = Number(process.env.PORTCULLIS_PURGE_INTERVAL_MS ?? 3_600_000);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const r = await purgeTokens({ actor: systemActor("purge") });
      if (r.deletedTokens + r.deletedEvents > 0)
        console.log(`  purge: ${r.deletedTokens} tokens, ${r.deletedEvents} events in ${r.durationMs} ms`);
    } catch (err) {
      console.error("purge failed", err);
    } finally {
      running = false;
    }
  }, every);
  timer.unref();

  return () => clearInterval(timer);
}
