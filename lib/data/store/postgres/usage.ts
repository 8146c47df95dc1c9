import { utc } from "@/lib/data/store/dialect";
import type { DriverStore, UsageBatch } from "@/lib/data/store/types";
import { USAGE } from "@/lib/data/store/usage-sql";
import type { PostgresConnection } from "./connection";

export function postgresUsage({ query, transaction }: PostgresConnection): Pick<DriverStore, "recordUsage"> {
  return {
    async recordUsage(unordered) {
      const batch = inLockOrder(unordered);
      await transaction(async (c) => {
        for (const t of batch.tokens) await query(c, "touch_token", USAGE.touchToken, [utc(t.at), t.id, utc(t.at)]);
        for (const s of batch.secrets) await query(c, "touch_secret", USAGE.touchSecret, [utc(s.at), s.hash, utc(s.at)]);
        for (const i of batch.introspections)
          await query(c, "count_introspections", USAGE.countIntrospections, [i.day, i.clientId, i.count]);
      });
    },
  };
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Rows sorted by key: two instances flushing the same tokens at once then lock them in one order, so neither deadlocks. */
function inLockOrder(batch: UsageBatch): UsageBatch {
  return {
    tokens: [...batch.tokens].sort(byKey((t) => t.id)),
    secrets: [...batch.secrets].sort(byKey((s) => s.hash)),
    introspections: [...batch.introspections].sort(byKey((i) => `${i.day}|${i.clientId}`)),
  };
}
