import Database from "better-sqlite3";
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
import { revocationAuditRow, revokeStatement, SQL, toClientAuth, type RawClientRow } from "./sql";
import type { HotStore, NewToken, NoticeType, RevokedToken, TokenRow } from "./types";

type RawRevoked = { id: string; hash: string; type: RevokedToken["type"]; client_id: string; expires_at: number };
type RawToken = Omit<TokenRow, "clientId" | "grantId" | "createdAt" | "expiresAt" | "revokedAt"> & {
  client_id: string;
  grant_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
};

const toToken = (r: RawToken): TokenRow => ({
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
});

/**
 * Prepared better-sqlite3 statements. Timestamps are epoch ms, as Prisma writes them
 * (unixepoch-ms). SQLite has one writer at a time, so a claim needs no row locks.
 */
export function createSqliteStore(file: string): HotStore {
  const conn = new Database(file, { timeout: 5_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL"); // durable at each WAL checkpoint; a crash loses no committed page
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => cache.get(sql) ?? cache.set(sql, conn.prepare(sql)).get(sql)!;

  // Must run inside a transaction: the notices commit with the change they announce.
  // With no gateway registered the events still go to the feed, and nothing waits to be sent.
  const queue = (type: NoticeType, tokens: RevokedToken[], at: number): number[] =>
    eventRows(type, tokens, at).flatMap((e) => {
      const { sequence } = stmt(OUTBOX_SQL.insertEvent).get(e.id, e.type, e.tokens, e.createdAt, e.expiresAt) as { sequence: number };
      for (const id of e.tokenIds) stmt(OUTBOX_SQL.markAnnounced).run(sequence, id);
      const { changes } = stmt(OUTBOX_SQL.insertDeliveries).run(sequence, at, at + RETRY_WINDOW_MS, at + FIRST_ATTEMPT_LEASE_MS, at);
      return changes > 0 ? [sequence] : [];
    });

  const revoke = conn.transaction((...[selector, revocation, audit]: Parameters<HotStore["revokeTokens"]>) => {
    const { sql, params } = revokeStatement(selector, (ms) => ms);
    const rows = stmt(sql).all(revocation.at, revocation.by, revocation.reason, ...params) as RawRevoked[];
    const revoked = rows.map((r) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at }));
    if (revoked.length === 0) return { revoked, sequences: [] };
    if (audit) stmt(SQL.insertAudit).run(...revocationAuditRow(revoked, revocation, audit));

    return { revoked, sequences: queue("token.revoked", revoked, revocation.at) };
  });

  const claim = conn.transaction((now: number, leaseMs: number, limit: number) => {
    const keys = stmt(
      "SELECT event_sequence, gateway_id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT ?",
    ).all(now, now, limit) as { event_sequence: number; gateway_id: string }[];
    const lease = stmt("UPDATE deliveries SET lease_until = ? WHERE event_sequence = ? AND gateway_id = ?");
    const load = stmt(`SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.event_sequence = ? AND d.gateway_id = ?`);

    return keys.map((k) => {
      lease.run(now + leaseMs, k.event_sequence, k.gateway_id);
      return toDelivery(load.get(k.event_sequence, k.gateway_id) as RawDelivery);
    });
  });

  const record = conn.transaction((attempts: Parameters<HotStore["recordAttempts"]>[0]) => {
    for (const a of attempts) {
      stmt(OUTBOX_SQL.recordAttempt).run(
        a.status,
        a.attempts,
        a.nextAttemptAt,
        a.httpStatus,
        a.error,
        a.at,
        a.status === "delivered" ? a.at : null,
        a.sequence,
        a.gatewayId,
      );
    }
  });

  const LONG_LIVED = longLivedWhere("created_at + ?");
  const shorten = conn.transaction((type: TokenRow["type"], maxTtlMs: number, now: number) => {
    const rows = stmt(
      `UPDATE tokens SET expires_at = MAX(?, created_at + ?) WHERE ${LONG_LIVED} RETURNING id, hash, type, client_id, expires_at`,
    ).all(now, maxTtlMs, type, now, maxTtlMs) as RawRevoked[];
    const tokens = rows.map((r) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at }));

    return { tokens, sequences: tokens.length ? queue("token.updated", tokens, now) : [] };
  });

  return {
    async countLongLived(type, maxTtlMs, now) {
      const rows = stmt(`SELECT client_id, COUNT(*) AS n FROM tokens WHERE ${LONG_LIVED} GROUP BY client_id`).all(type, now, maxTtlMs) as {
        client_id: string;
        n: number;
      }[];

      return rows.map((r) => ({ clientId: r.client_id, count: r.n }));
    },
    async shortenTokens(type, maxTtlMs, now) {
      return shorten(type, maxTtlMs, now);
    },
    async purgeBatch(kind, cutoff, now, limit) {
      return stmt(purgeBatchSql(kind)).run(...PURGE_WHERE[kind].params(cutoff, now), limit).changes;
    },
    async countPurgeable(kind, cutoff, now) {
      return (stmt(countPurgeableSql(kind)).get(...PURGE_WHERE[kind].params(cutoff, now)) as { n: number }).n;
    },
    async issuedPerDay(since) {
      return stmt(
        "SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day, COUNT(*) AS count FROM tokens WHERE created_at >= ? GROUP BY day ORDER BY day",
      ).all(since) as { day: string; count: number }[];
    },
    async findClient(clientId) {
      return toClientAuth(stmt(SQL.findClient).all(clientId) as RawClientRow[]);
    },
    async findTokenByHash(hash) {
      const row = stmt(SQL.findTokenByHash).get(hash) as RawToken | undefined;

      return row ? toToken(row) : null;
    },
    async insertToken(t: NewToken) {
      stmt(SQL.insertToken).run(
        t.id,
        t.hash,
        t.type,
        t.clientId,
        t.subscriber,
        t.grantId,
        t.scope,
        t.createdAt,
        t.expiresAt,
        t.revokedAt,
        t.prefix,
        t.last4,
      );
    },
    async revokeTokens(selector, revocation, audit) {
      return revoke(selector, revocation, audit);
    },
    async queueNotices(type, tokens, at) {
      return { sequences: conn.transaction(() => queue(type, tokens, at))() };
    },
    async loadDeliveries(sequences) {
      const load = stmt(`SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.event_sequence = ? AND d.status = 'pending'`);

      return sequences.flatMap((s) => (load.all(s) as RawDelivery[]).map(toDelivery));
    },
    async claimDueDeliveries(now, leaseMs, limit) {
      return claim(now, leaseMs, limit);
    },
    async recordAttempts(attempts) {
      record(attempts);
    },
    async getSettings() {
      const rows = stmt(SQL.getSettings).all() as { key: string; value: string }[];

      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async close() {
      conn.close();
    },
  };
}
