import { utc } from "@/lib/data/store/dialect";
import { groupCommit } from "@/lib/data/store/group-commit";
import type { RawChanged } from "@/lib/data/store/rows";
import { CHANGED_COLUMNS, toChanged } from "@/lib/data/store/token-change-sql";
import type { AuditRow, ChangedToken, DriverStore, KeyedRevocation, TokenChange } from "@/lib/data/store/types";
import type pg from "pg";
import type { PostgresConnection } from "./connection";
import type { PostgresOutbox } from "./outbox";

/**
 * A batch's revocations by one key column, in one statement: each row of the unnest is one change
 * (`n`, its index in the batch), and each token it revokes comes back with it. A token two changes
 * name is revoked once, by one of them, as when they ran one after the other. `= ANY($2)` keeps the
 * plan on the key's index without statistics (autovacuum may be off): joined on `v.key` alone, a
 * table never analysed was planned as a sequential scan.
 */
const revokeByKey = (join: string, where: string) => `UPDATE tokens t
  SET revoked_at = v.at, revoked_by = v.by, revoked_reason = v.reason
  FROM unnest($1::int[], $2::text[], $3::timestamp[], $4::text[], $5::text[], $6::text[]) AS v(n, key, at, by, reason, client_id)${join}
  WHERE ${where} AND t.revoked_at IS NULL
  RETURNING v.n, ${CHANGED_COLUMNS.map((c) => `t.${c}`).join(", ")}`;
const REVOKE_BY_KEY: Record<KeyedRevocation["column"], string> = {
  id: revokeByKey("", "t.id = ANY($2) AND t.id = v.key"),
  grant_id: revokeByKey("", "t.grant_id = ANY($2) AND t.grant_id = v.key"),
  // The presented token (p) by its unique hash, then its grant's tokens: no read before the transaction.
  grant_of_hash: revokeByKey(
    "\n  JOIN tokens p ON p.hash = v.key AND p.client_id = v.client_id AND p.revoked_at IS NULL",
    "p.hash = ANY($2) AND t.grant_id = p.grant_id",
  ),
};

/** A batch's audit rows, in one statement. */
const INSERT_AUDIT_ROWS = `INSERT INTO audit_events (id, app_id, actor_id, actor, action, detail, ip, created_at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp[])`;

/** Token changes on PostgreSQL: a batch's token statements, effects and audit rows, then one statement for its notices. */
export function postgresTokenChanges(
  { query, transaction }: PostgresConnection,
  { queue }: PostgresOutbox,
): Pick<DriverStore, "commitTokenChange"> {
  // Under load every round trip waits its turn in the event loop while the transaction holds its
  // connection: a batch costs a fixed number of statements, not two per change.
  async function applyBatch(c: pg.PoolClient, changes: TokenChange[]): Promise<ChangedToken[][]> {
    const changed: ChangedToken[][] = changes.map(() => []);
    for (const column of ["id", "grant_id", "grant_of_hash"] as const) {
      const mine = changes.flatMap((change, n) =>
        change.tokens.keyed?.column === column ? [{ n, ...change.tokens.keyed, at: change.at }] : [],
      );
      if (mine.length === 0) continue;
      const { rows } = await c.query<RawChanged & { n: number }>({
        name: `revoke_by_${column}`,
        text: REVOKE_BY_KEY[column],
        values: [
          mine.map((k) => k.n),
          mine.map((k) => k.key),
          mine.map((k) => utc(k.at)),
          mine.map((k) => k.by),
          mine.map((k) => k.reason),
          mine.map((k) => ("clientId" in k ? k.clientId : null)),
        ],
      });
      for (const r of rows) changed[r.n].push(toChanged(r));
    }
    for (const [n, change] of changes.entries()) {
      if (!change.tokens.keyed)
        changed[n] = (await query<RawChanged>(c, undefined, change.tokens.sql, change.tokens.params)).rows.map(toChanged);
      // After the token statement, so a regenerate does not revoke the token it issues.
      for (const s of change.effect(changed[n])) await query(c, undefined, s.sql, s.params);
    }
    await insertAuditRows(
      c,
      changes.flatMap((change, n) => change.audit(changed[n])),
    );

    return changed;
  }

  return {
    // Concurrent changes share one transaction: their statements, then one statement for all
    // their events, so the event-sequence lock is taken once per batch. Two batches at most: one
    // takes its token rows while the other waits for the lock or commits.
    commitTokenChange: groupCommit(
      (changes: TokenChange[]) =>
        transaction(async (c) => {
          const changed = await applyBatch(c, changes);
          const notices = await queue(
            c,
            changes.map((change, n) => ({ type: change.tokens.notice, tokens: changed[n] })),
          );

          return changes.map((_, n) => ({ changed: changed[n], notices: notices[n] }));
        }),
      { maxInFlight: 2 },
    ),
  };
}

async function insertAuditRows(c: pg.PoolClient, rows: AuditRow[]) {
  if (rows.length === 0) return;
  await c.query({
    name: "insert_audit_rows",
    text: INSERT_AUDIT_ROWS,
    values: [
      rows.map((r) => r.id),
      rows.map((r) => r.appId),
      rows.map((r) => r.actorId),
      rows.map((r) => r.actor),
      rows.map((r) => r.action),
      rows.map((r) => r.detail),
      rows.map((r) => r.ip),
      rows.map((r) => utc(r.createdAt)),
    ],
  });
}
