import pg from "pg";
import { countPurgeableSql, longLivedWhere, PURGE_WHERE, purgeBatchSql } from "./maintenance-sql";
import {
  DELIVERY_COLUMNS,
  DELIVERY_FROM,
  eventRows,
  FIRST_ATTEMPT_LEASE_MS,
  OUTBOX_SQL,
  RETRY_WINDOW_MS,
  toDelivery,
  type RawDelivery,
} from "./outbox-sql";
import { numbered, revocationAuditRow, revokeStatement, SQL, toClientAuth, type RawClientRow } from "./sql";
import type { HotStore, NewToken, NoticeType, RevokedToken, TokenRow } from "./types";

// Prisma maps DateTime to `timestamp(3)` holding UTC. Read and write it as UTC text, whatever the
// process's time zone, and hand epoch ms to the rest of the code.
const TIMESTAMP_OID = 1114;
const parseUtc = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);
const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, -1));
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? parseUtc : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

type Queryable = pg.Pool | pg.PoolClient;
type RawRevoked = { id: string; hash: string; type: RevokedToken["type"]; client_id: string; expires_at: number };
type RawToken = Omit<TokenRow, "clientId" | "grantId" | "createdAt" | "expiresAt" | "revokedAt"> & {
  client_id: string;
  grant_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
};

/** Named prepared statements on a small pool; each portal instance keeps its own pool. */
export function createPostgresStore(connectionString: string): HotStore {
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

  async function queue(c: pg.PoolClient, type: NoticeType, tokens: RevokedToken[], at: number): Promise<number[]> {
    const sequences = [];
    for (const e of eventRows(type, tokens, at)) {
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

    return sequences;
  }

  const LONG_LIVED = longLivedWhere("created_at + (?::bigint * interval '1 millisecond')");

  return {
    async countLongLived(type, maxTtlMs, now) {
      const { rows } = await query<{ client_id: string; n: number }>(
        pool,
        undefined,
        `SELECT client_id, COUNT(*)::int AS n FROM tokens WHERE ${LONG_LIVED} GROUP BY client_id`,
        [type, utc(now), maxTtlMs],
      );

      return rows.map((r) => ({ clientId: r.client_id, count: r.n }));
    },
    async shortenTokens(type, maxTtlMs, now) {
      return transaction(async (c) => {
        const { rows } = await query<RawRevoked>(
          c,
          undefined,
          `UPDATE tokens SET expires_at = GREATEST(?::timestamp, created_at + (?::bigint * interval '1 millisecond')) WHERE ${LONG_LIVED} RETURNING id, hash, type, client_id, expires_at`,
          [utc(now), maxTtlMs, type, utc(now), maxTtlMs],
        );
        const tokens = rows.map((r) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at }));

        return { tokens, sequences: tokens.length ? await queue(c, "token.updated", tokens, now) : [] };
      });
    },
    async purgeBatch(kind, cutoff, now, limit) {
      return (await query(pool, undefined, purgeBatchSql(kind), [...PURGE_WHERE[kind].params(utc(cutoff), utc(now)), limit])).rowCount ?? 0;
    },
    async countPurgeable(kind, cutoff, now) {
      const { rows } = await query<{ n: string }>(
        pool,
        undefined,
        countPurgeableSql(kind),
        PURGE_WHERE[kind].params(utc(cutoff), utc(now)),
      );

      return Number(rows[0].n);
    },
    async issuedPerDay(since) {
      const { rows } = await query<{ day: string; count: number }>(
        pool,
        undefined,
        "SELECT to_char(created_at, 'YYYY-MM-DD') AS day, COUNT(*)::int AS count FROM tokens WHERE created_at >= ? GROUP BY day ORDER BY day",
        [utc(since)],
      );

      return rows;
    },
    async findClient(clientId) {
      return toClientAuth((await query<RawClientRow>(pool, "find_client", SQL.findClient, [clientId])).rows);
    },
    async findTokenByHash(hash) {
      const r = (await query<RawToken>(pool, "find_token", SQL.findTokenByHash, [hash])).rows[0];

      return r
        ? {
            id: r.id,
            hash: r.hash,
            type: r.type,
            clientId: r.client_id,
            subscriber: r.subscriber,
            grantId: r.grant_id,
            scope: r.scope,
            createdAt: r.created_at,
            expiresAt: r.expires_at,
            revokedAt: r.revoked_at,
          }
        : null;
    },
    async insertToken(t: NewToken) {
      await query(pool, "insert_token", SQL.insertToken, [
        t.id,
        t.hash,
        t.type,
        t.clientId,
        t.subscriber,
        t.grantId,
        t.scope,
        utc(t.createdAt),
        utc(t.expiresAt),
        utc(t.revokedAt),
        t.prefix,
        t.last4,
      ]);
    },
    async revokeTokens(selector, revocation, audit) {
      const { sql, params } = revokeStatement(selector, utc);

      return transaction(async (c) => {
        const { rows } = await query<RawRevoked>(c, undefined, sql, [utc(revocation.at), revocation.by, revocation.reason, ...params]);
        const revoked = rows.map((r) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at }));
        if (revoked.length === 0) return { revoked, sequences: [] };
        if (audit) {
          const row = revocationAuditRow(revoked, revocation, audit);
          await query(c, "insert_audit", SQL.insertAudit, [...row.slice(0, 7), utc(revocation.at)]);
        }

        return { revoked, sequences: await queue(c, "token.revoked", revoked, revocation.at) };
      });
    },
    async queueNotices(type, tokens, at) {
      return { sequences: await transaction((c) => queue(c, type, tokens, at)) };
    },
    async loadDeliveries(sequences) {
      const { rows } = await pool.query<RawDelivery>(
        `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.event_sequence = ANY($1) AND d.status = 'pending'`,
        [sequences],
      );

      return rows.map(toDelivery);
    },
    async claimDueDeliveries(now, leaseMs, limit) {
      // SKIP LOCKED: several instances claim disjoint rows without waiting on each other.
      const { rows } = await pool.query<RawDelivery>(
        `WITH due AS (
           SELECT event_sequence, gateway_id FROM deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
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
          await query(c, "record_attempt", OUTBOX_SQL.recordAttempt, [
            a.status,
            a.attempts,
            utc(a.nextAttemptAt),
            a.httpStatus,
            a.error,
            utc(a.at),
            a.status === "delivered" ? utc(a.at) : null,
            a.sequence,
            a.gatewayId,
          ]);
        }
      });
    },
    async getSettings() {
      const { rows } = await query<{ key: string; value: string }>(pool, "get_settings", SQL.getSettings, []);

      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async close() {
      await pool.end();
    },
  };
}
