import { auditParams, INSERT_AUDIT } from "@/lib/data/store/audit-sql";
import { POSTGRES, utc } from "@/lib/data/store/dialect";
import { groupCommit } from "@/lib/data/store/group-commit";
import type { RawChanged } from "@/lib/data/store/rows";
import { effectFor, toChanged, tokenStatement } from "@/lib/data/store/token-change-sql";
import type { DriverStore, TokenChange } from "@/lib/data/store/types";
import type pg from "pg";
import type { PostgresConnection } from "./connection";
import type { PostgresOutbox } from "./outbox";

const inList = POSTGRES.inList;
const SHORTEN = POSTGRES.shorten;

/** Token changes on PostgreSQL: each cause's token statement, effect and audit rows, then one statement for the batch's notices. */
export function postgresTokenChanges(
  { query, transaction }: PostgresConnection,
  { queue }: PostgresOutbox,
): Pick<DriverStore, "commitTokenChange"> {
  // A token change's own statements; its events are queued with the rest of its batch.
  async function applyTokenChange(c: pg.PoolClient, change: TokenChange) {
    const { sql, params, notice } = tokenStatement(change, utc, inList, SHORTEN);
    const changed = (await query<RawChanged>(c, undefined, sql, params)).rows.map(toChanged);
    // After the token statement, so a regenerate does not revoke the token it issues.
    for (const s of effectFor(change, changed.length, utc)) await query(c, undefined, s.sql, s.params);
    for (const row of change.audit(changed)) await query(c, "insert_audit", INSERT_AUDIT, auditParams(row, utc));

    return { changed, notice };
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
