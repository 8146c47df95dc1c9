import { auditParams, INSERT_AUDIT } from "@/lib/data/store/audit-sql";
import { catalogStatement } from "@/lib/data/store/catalog-sql";
import { SQLITE } from "@/lib/data/store/dialect";
import type { CatalogChange, DriverStore, QueuedNotices } from "@/lib/data/store/types";
import type { SqliteConnection } from "./connection";
import type { SqliteOutbox } from "./outbox";

/** A catalog change on SQLite: its writes, audit rows and subscription.changed notices in one transaction. */
export function sqliteCatalogChanges(
  { conn, stmt }: SqliteConnection,
  { queueSubscriptionChanged }: SqliteOutbox,
): Pick<DriverStore, "commitCatalogChange"> {
  const { time } = SQLITE;
  const commit = conn.transaction((change: CatalogChange): QueuedNotices => {
    for (const effect of change.effects) {
      const { sql, params } = catalogStatement(effect, change.at, time);
      stmt(sql).run(...params);
    }
    for (const row of change.audit) stmt(INSERT_AUDIT).run(...auditParams(row, time));

    return queueSubscriptionChanged(change.notify, change.at);
  });

  return {
    // SQLite's one server sees a settings change through data_version: announceSettings is PostgreSQL's.
    async commitCatalogChange(change) {
      return commit(change);
    },
  };
}
