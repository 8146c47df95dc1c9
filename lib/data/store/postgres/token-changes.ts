import { auditParams, INSERT_AUDIT } from "@/lib/data/store/audit-sql";
import { utc } from "@/lib/data/store/dialect";
import { groupCommit } from "@/lib/data/store/group-commit";
import type { RawChanged } from "@/lib/data/store/rows";
import { toChanged } from "@/lib/data/store/token-change-sql";
import type { DriverStore, TokenChange } from "@/lib/data/store/types";
import type pg from "pg";
import type { PostgresConnection } from "./connection";
import type { PostgresOutbox } from "./outbox";

/** Token changes on PostgreSQL: each cause's token statement, effect and audit rows, then one statement for the batch's notices. */
export function postgresTokenChanges(
  { query, transaction }: PostgresConnection,
  { queue }: PostgresOutbox,
): Pick<DriverStore, "commitTokenChange"> {
  // A token change's own statements; its events are queued with the rest of its batch.
  async function applyTokenChange(c: pg.PoolClient, change: TokenChange) {
    const changed = (await query<RawChanged>(c, undefined, change.tokens.sql, change.tokens.params)).rows.map(toChanged);
    // After the token statement, so a regenerate does not revoke the token it issues.
    for (const s of change.effect(changed)) await query(c, undefined, s.sql, s.params);
    for (const row of change.audit(changed)) await query(c, "insert_audit", INSERT_AUDIT, auditParams(row, utc));

    return { changed, notice: change.tokens.notice };
  }

  return {
    // Concurrent changes share one transaction: their token statements one after the other, then
    // one statement for all their events, so the event-sequence lock is taken once per batch. Two
    // batches at most: one takes its token rows while the other waits for the lock or commits.
    commitTokenChange: groupCommit(
      (changes: TokenChange[]) =>
        transaction(async (c) => {
          const applied = [];
          for (const change of changes) applied.push({ change, ...(await applyTokenChange(c, change)) });
          const notices = await queue(
            c,
            applied.map((a) => ({ type: a.notice, tokens: a.changed, at: a.change.at })),
          );

          return applied.map((a, i) => ({ changed: a.changed, notices: notices[i] }));
        }),
      { maxInFlight: 2 },
    ),
  };
}
