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
import Database from "better-sqlite3";
import {
  auditParams,
  effectStatements,
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
import type { ChangedToken, DriverStore, NewToken, NoticeType, QueuedNotices, TokenChange } from "./types";

const time = (ms: number) => ms; // Prisma stores DateTime as epoch ms on SQLite (unixepoch-ms)
const inList = (values: string[]) => ({ sql: `IN (${values.map(() => "?").join(", ") || "NULL"})`, params: values });
const SHORTEN = { capped: "created_at + ?", latest: "MAX", timeParam: "?" };

/**
 * Prepared better-sqlite3 statements. Every transaction here is synchronous, so nothing else
 * runs on the connection in between. SQLite has one writer at a time: a claim needs no row locks.
 */
export function createSqliteStore(file: string): DriverStore {
  const conn = new Database(file, { timeout: 5_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL"); // durable at each WAL checkpoint; a crash loses no committed page
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => cache.get(sql) ?? cache.set(sql, conn.prepare(sql)).get(sql)!;

  // Must run inside a transaction: the notices commit with the change they announce.
  // With no gateway registered the events still go to the feed, and nothing waits to be sent.
  const queue = (type: NoticeType, tokens: ChangedToken[], at: number): QueuedNotices => {
    const sequences = splitIntoEvents(type, tokens, at).flatMap((e) => {
      const { sequence } = stmt(OUTBOX_SQL.insertEvent).get(e.id, e.type, e.tokens, e.createdAt, e.expiresAt) as { sequence: number };
      for (const id of e.tokenIds) stmt(OUTBOX_SQL.markAnnounced).run(sequence, id);
      const { changes } = stmt(OUTBOX_SQL.insertDeliveries).run(sequence, at, at + RETRY_WINDOW_MS, at + FIRST_ATTEMPT_LEASE_MS, at);
      return changes > 0 ? [sequence] : [];
    });

    return { sequences, revoked: type === "token.revoked" ? tokens : [] };
  };

  const commit = conn.transaction((change: TokenChange) => {
    const { sql, params } =
      "revoke" in change.tokens
        ? revokeStatement(change.tokens.revoke, change.at, change.by, change.cause, time, inList)
        : shortenStatement(change.tokens.shorten.type, change.tokens.shorten.maxTtlMs, change.at, time, SHORTEN);
    const changed = (stmt(sql).all(...params) as RawChanged[]).map(toChanged);
    // After the token statement, so a regenerate does not revoke the token it issues.
    if (change.effect) for (const s of effectStatements(change.effect, change.at, time)) stmt(s.sql).run(...s.params);
    for (const row of change.audit(changed)) stmt(SQL.insertAudit).run(...auditParams(row, time));

    const type = "revoke" in change.tokens ? "token.revoked" : "token.updated";

    return { changed, notices: queue(type, changed, change.at) };
  });

  const claim = conn.transaction((now: number, leaseMs: number, limit: number) => {
    const keys = stmt(`SELECT event_sequence, gateway_id FROM deliveries WHERE ${CLAIMABLE} ORDER BY next_attempt_at LIMIT ?`).all(
      now,
      now,
      limit,
    ) as { event_sequence: number; gateway_id: string }[];
    const lease = stmt("UPDATE deliveries SET lease_until = ? WHERE event_sequence = ? AND gateway_id = ?");
    const load = stmt(`SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.event_sequence = ? AND d.gateway_id = ?`);

    return keys.map((k) => {
      lease.run(now + leaseMs, k.event_sequence, k.gateway_id);
      return toDelivery(load.get(k.event_sequence, k.gateway_id) as RawDelivery);
    });
  });

  const record = conn.transaction((attempts: Parameters<DriverStore["recordAttempts"]>[0]) => {
    for (const a of attempts) {
      const deliveredAt = a.status === "delivered" ? a.at : null;
      const outcome = [a.status, a.attempts, a.nextAttemptAt, a.httpStatus, a.error, a.at, deliveredAt];
      const { changes } = stmt(OUTBOX_SQL.recordAttempt).run(...outcome, a.sequence, a.gatewayId, a.leaseUntil);
      if (changes > 0 && a.status === "delivered") stmt(OUTBOX_SQL.pullForward).run(a.at, a.gatewayId, a.at);
    }
  });

  return {
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
    async getSettings() {
      const rows = stmt(SQL.getSettings).all() as { key: string; value: string }[];

      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async commitTokenChange(change) {
      return commit(change);
    },
    async queueNotices(type, tokens, at) {
      return conn.transaction(() => queue(type, tokens, at))();
    },
    async requeueFailed(gatewayId, sequence, now, leaseMs) {
      const params = [now, now + RETRY_WINDOW_MS, now + leaseMs, gatewayId, ...(sequence === undefined ? [] : [sequence])];
      const rows = stmt(requeueFailedSql(sequence !== undefined)).all(...params) as { event_sequence: number }[];

      return rows.map((r) => r.event_sequence);
    },
    async loadDeliveries(sequences, gatewayId) {
      const load = stmt(
        `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.event_sequence = ? AND d.status = 'pending' AND g.disabled_at IS NULL AND (? IS NULL OR d.gateway_id = ?)`,
      );

      return sequences.flatMap((s) => (load.all(s, gatewayId ?? null, gatewayId ?? null) as RawDelivery[]).map(toDelivery));
    },
    async claimDueDeliveries(now, leaseMs, limit) {
      return claim(now, leaseMs, limit);
    },
    async recordAttempts(attempts) {
      record(attempts);
    },
    async close() {
      conn.close();
    },
  };
}
