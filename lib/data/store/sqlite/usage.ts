import { SQLITE } from "@/lib/data/store/dialect";
import type { DriverStore, UsageBatch } from "@/lib/data/store/types";
import { USAGE } from "@/lib/data/store/usage-sql";
import type { SqliteConnection } from "./connection";

export function sqliteUsage({ conn, stmt }: SqliteConnection): Pick<DriverStore, "recordUsage"> {
  const { time } = SQLITE;
  const usage = conn.transaction((batch: UsageBatch) => {
    for (const t of batch.tokens) stmt(USAGE.touchToken).run(time(t.at), t.id, time(t.at));
    for (const s of batch.secrets) stmt(USAGE.touchSecret).run(time(s.at), s.hash, time(s.at));
    for (const i of batch.introspections) stmt(USAGE.countIntrospections).run(i.day, i.clientId, i.count);
  });

  return {
    async recordUsage(batch) {
      usage(batch);
    },
  };
}
