import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { runScheduledCanaries } from "@/lib/gateways/run-scheduled-canaries";

/** Looks every PORTCULLIS_CANARY_TICK_MS (default 30 s) for gateways whose scheduled canary is due (the `canary_interval` setting). */
export function startCanarySchedule(): () => void {
  const every = Number(process.env.PORTCULLIS_CANARY_TICK_MS ?? 30_000);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      for (const run of await runScheduledCanaries({ flush: flushNotices }))
        if (run.outcome !== "passed") console.warn(`  canary: ${run.outcome} (${run.detail ?? ""})`);
    } catch (err) {
      console.error("scheduled canary failed", err);
    } finally {
      running = false;
    }
  }, every);
  timer.unref();

  return () => clearInterval(timer);
}
