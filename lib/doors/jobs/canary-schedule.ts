import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { runScheduledCanaries } from "@/lib/gateways/run-scheduled-canaries";
import { every } from "./every";

/** Looks every PORTCULLIS_CANARY_TICK_MS (default 30 s) for gateways whose scheduled canary is due (the `canary_interval` setting). */
export const startCanarySchedule = () =>
  every(Number(process.env.PORTCULLIS_CANARY_TICK_MS ?? 30_000), "scheduled canary", async () => {
    for (const run of await runScheduledCanaries({ flush: flushNotices }))
      if (run.outcome !== "passed") console.warn(`  canary: ${run.outcome} (${run.detail ?? ""})`);
  });
