import { store } from "@/lib/data/store";
import type { UsageBatch } from "@/lib/data/store/types";
import { setImmediate as yieldToRequests } from "node:timers/promises";
import { drainUsage, restoreUsage } from "./usage-buffer";

/** Rows per transaction: SQLite's driver is synchronous, so a large batch is written in slices between requests. */
const SLICE = 1_000;

function slices(batch: UsageBatch): UsageBatch[] {
  const out: UsageBatch[] = [];
  const longest = Math.max(batch.tokens.length, batch.secrets.length, batch.introspections.length);
  for (let i = 0; i < longest; i += SLICE) {
    out.push({
      tokens: batch.tokens.slice(i, i + SLICE),
      secrets: batch.secrets.slice(i, i + SLICE),
      introspections: batch.introspections.slice(i, i + SLICE),
    });
  }

  return out;
}

/**
 * Writes what the hot paths noted since the last flush, a slice per transaction, yielding to
 * requests in between; a slice that fails goes back to the buffer with the rest, for the next flush.
 */
export async function flushUsage(): Promise<{ tokens: number; secrets: number; introspections: number }> {
  const batch = drainUsage();
  const sizes = { tokens: batch.tokens.length, secrets: batch.secrets.length, introspections: batch.introspections.length };
  const parts = slices(batch);
  for (let i = 0; i < parts.length; i++) {
    try {
      await store().recordUsage(parts[i]);
    } catch (err) {
      for (const rest of parts.slice(i)) restoreUsage(rest);
      throw err;
    }
    await yieldToRequests();
  }

  return sizes;
}
