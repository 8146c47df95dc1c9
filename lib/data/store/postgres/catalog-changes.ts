import { EVENTS_CHANNEL, settingsChangedPayload } from "@/lib/data/bus/messages";
import { auditParams, INSERT_AUDIT } from "@/lib/data/store/audit-sql";
import { catalogStatement } from "@/lib/data/store/catalog-sql";
import { utc } from "@/lib/data/store/dialect";
import type { DriverStore } from "@/lib/data/store/types";
import type { PostgresConnection } from "./connection";
import type { PostgresOutbox } from "./outbox";

/** A catalog change on PostgreSQL: its writes, audit rows, subscription.changed notices and bus messages in one transaction. */
export function postgresCatalogChanges(
  { query, transaction }: PostgresConnection,
  { queueSubscriptionChanged }: PostgresOutbox,
): Pick<DriverStore, "commitCatalogChange"> {
  return {
    async commitCatalogChange(change) {
      return transaction(async (c) => {
        for (const effect of change.effects) {
          const { sql, params } = catalogStatement(effect, change.at, utc);
          await query(c, undefined, sql, params);
        }
        for (const row of change.audit) await query(c, "insert_audit", INSERT_AUDIT, auditParams(row, utc));
        const notices = await queueSubscriptionChanged(c, change.notify, change.at);
        // The other instances reread a setting they keep in memory, at commit (NOTIFY is delivered then, or never).
        if (change.announceSettings)
          await c.query({ name: "notify_settings", text: "SELECT pg_notify($1, $2)", values: [EVENTS_CHANNEL, settingsChangedPayload()] });

        return notices;
      });
    },
  };
}
