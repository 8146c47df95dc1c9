import { systemActor } from "@/lib/engine/identity/actor.shared";
import { purgeTokens } from "@/lib/tokens/purge-tokens";
import { every } from "./every";

/** Runs the purge every PORTCULLIS_PURGE_INTERVAL_MS (default hourly) until stopped. */
export const startPurgeSchedule = () =>
  every(Number(process.env.PORTCULLIS_PURGE_INTERVAL_MS ?? 3_600_000), "purge", async () => {
    const r = await purgeTokens({ actor: systemActor("purge") });
    if (r.deletedTokens + r.deletedEvents > 0)
      console.log(`  purge: ${r.deletedTokens} tokens, ${r.deletedEvents} events in ${r.durationMs} ms`);
  });
