import {
  CLAIMABLE,
  DELIVERY_COLUMNS,
  DELIVERY_FROM,
  FIRST_ATTEMPT_LEASE_MS,
  OUTBOX_SQL,
  requeueFailedSql,
  RETRY_WINDOW_MS,
  toDelivery,
  type RawDelivery,
} from "@/lib/notices/outbox-sql";
import { splitIntoEvents } from "@/lib/notices/split-events";
import pg from "pg";
import {
  auditParams,
  effectStatements,
  numbered,
  revokeStatement,
  shortenStatement,
  SQL,
  toChanged,
  toClientAuth,
  toToken,
  type RawChanged,
  type RawClientRow,
  type RawToken,
} from "./sql";
import type { ChangedToken, DriverStore, NewToken, NoticeType, QueuedNotices } from "./types";

// Prisma maps DateTime to `timestamp(3)` holding UTC. Read and write it as UTC text, whatever the
// process's time zone, and hand epoch ms to the rest of the code.
const TIMESTAMP_OID = 1114;
const parseUtc = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);
const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, -1));
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? parseUtc : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};
const inList = (values: string[]) => ({ sql: "= ANY(?)", params: [values] });
const SHORTEN = { capped: "created_at + (?::bigint * interval '1 millisecond')", latest: "GREATEST", timeParam: "?::timestamp" };

type Queryable = pg.Pool | pg.PoolClient;

/** Named prepared statements on a small pool; each portal instance keeps its own pool. */
export function createPostgresStore(connectionString: string): DriverStore {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  const query = <R extends pg.QueryResultRow>(on: Queryable, name: string | undefined, text: string, values: unknown[]) =>
    on.query<R>({ name, text: numbered(text), values });

  async function transaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      const result = await work(c);
      await c.query("COMMIT");
      return result;
    } catch (err) {
      await c.query("ROLLBACK");
      throw err;
    } finally {
      c.release();
    }
  }

  // Must run inside a transaction: the notices commit with the change they announce.
  async function queue(c: pg.PoolClient, type: NoticeType, tokens: ChangedToken[], at: number): Promise<QueuedNotices> {
    const sequences = [];
    for (const e of splitIntoEvents(type, tokens, at)) {
      const { rows } = await query<{ sequence: number }>(c, "insert_event", OUTBOX_SQL.insertEvent, [
        e.id,
        e.type,
        e.tokens,
        utc(e.createdAt),
        utc(e.expiresAt),
      ]);
      const sequence = rows[0].sequence;
      await c.query({
        name: "mark_announced",
        text: "UPDATE tokens SET revocation_seq = $1 WHERE id = ANY($2)",
        values: [sequence, e.tokenIds],
      });
      const { rowCount } = await query(c, "insert_deliveries", OUTBOX_SQL.insertDeliveries, [
        sequence,
        utc(at),
        utc(at + RETRY_WINDOW_MS),
        utc(at + FIRST_ATTEMPT_LEASE_MS),
        utc(at),
      ]);
      if (rowCount) sequences.push(sequence); // with no gateway registered, nothing waits to be sent
    }

    return { sequences, revoked: type === "token.revoked" ? tokens : [] };
  }

  return {
    async findClient(clientId) {
      return toClientAuth((await query<RawClientRow>(pool, "find_client", SQL.findClient, [clientId])).rows);
    },
    async findTokenByHash(hash) {
      const row = (await query<RawToken>(pool, "find_token", SQL.findTokenByHash, [hash])).rows[0];

      return row ? toToken(row) : null;
    },
    async insertToken(t: NewToken) {
      const times = [utc(t.createdAt), utc(t.expiresAt), utc(t.revokedAt)];
      await query(pool, "insert_token", SQL.insertToken, [
        t.id,
        t.hash,
        t.type,
        t.clientId,
        t.subscriber,
        t.grantId,
        t.scope,
        ...times,
        t.prefix,
        t.last4,
      ]);
    },
    async getSettings() {
      const { rows } = await query<{ key: string; value: string }>(pool, "get_settings", SQL.getSettings, []);

      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async commitTokenChange(change) {
      return transaction(async (c) => {
        const { sql, params } =
          "revoke" in change.tokens
            ? revokeStatement(change.tokens.revoke, change.at, change.by, change.cause, utc, inList)
            : shortenStatement(change.tokens.shorten.type, change.tokens.shorten.maxTtlMs, change.at, utc, SHORTEN);
        const changed = (await query<RawChanged>(c, undefined, sql, params)).rows.map(toChanged);
        // After the token statement, so a regenerate does not revoke the token it issues.
        for (const s of change.effect ? effectStatements(change.effect, change.at, utc) : []) await query(c, undefined, s.sql, s.params);
        for (const row of change.audit(changed)) await query(c, "insert_audit", SQL.insertAudit, auditParams(row, utc));

        const type = "revoke" in change.tokens ? "token.revoked" : "token.updated";

        return { changed, notices: await queue(c, type, changed, change.at) };
      });
    },
    async queueNotices(type, tokens, at) {
      return transaction((c) => queue(c, type, tokens, at));
    },
    async requeueFailed(gatewayId, sequence, now, leaseMs) {
      const params = [utc(now), utc(now + RETRY_WINDOW_MS), utc(now + leaseMs), gatewayId, ...(sequence === undefined ? [] : [sequence])];
      const { rows } = await query<{ event_sequence: number }>(pool, undefined, requeueFailedSql(sequence !== undefined), params);

      return rows.map((r) => r.event_sequence);
    },
    async loadDeliveries(sequences, gatewayId) {
      const { rows } = await pool.query<RawDelivery>(
        `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.event_sequence = ANY($1) AND d.status = 'pending' AND g.disabled_at IS NULL AND ($2::text IS NULL OR d.gateway_id = $2)`,
        [sequences, gatewayId ?? null],
      );

      return rows.map(toDelivery);
    },
    async claimDueDeliveries(now, leaseMs, limit) {
      // SKIP LOCKED: several instances claim disjoint rows without waiting on each other.
      const { rows } = await pool.query<RawDelivery>(
        `WITH due AS (
           SELECT event_sequence, gateway_id FROM deliveries
           WHERE ${CLAIMABLE.replace(/\?/g, "$1")}
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED),
         claimed AS (
           UPDATE deliveries d SET lease_until = $2 FROM due
           WHERE d.event_sequence = due.event_sequence AND d.gateway_id = due.gateway_id RETURNING d.*)
         SELECT ${DELIVERY_COLUMNS.replace(/\bd\./g, "c.")} FROM claimed c
           JOIN revocation_events e ON e.sequence = c.event_sequence JOIN gateways g ON g.id = c.gateway_id`,
        [utc(now), utc(now + leaseMs), limit],
      );

      return rows.map(toDelivery);
    },
    async recordAttempts(attempts) {
      if (attempts.length === 0) return;
      await transaction(async (c) => {
        for (const a of attempts) {
          const delivered = a.status === "delivered" ? utc(a.at) : null;
          const outcome = [a.status, a.attempts, utc(a.nextAttemptAt), a.httpStatus, a.error, utc(a.at), delivered];
          const { rowCount } = await query(c, "record_attempt", OUTBOX_SQL.recordAttempt, [
            ...outcome,
            a.sequence,
            a.gatewayId,
            utc(a.leaseUntil),
          ]);
          if (rowCount && delivered) await query(c, "pull_forward", OUTBOX_SQL.pullForward, [delivered, a.gatewayId, delivered]);
        }
      });
    },
    async close() {
      await pool.end();
    },
  };
}
