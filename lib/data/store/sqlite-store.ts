import {
  claimable,
  DELIVERY_COLUMNS,
  DELIVERY_FROM,
  outboxSql,
  recordAttemptParams,
  RETRY_WINDOW_MS,
  SQLITE_CLOCK,
  toDelivery,
  type RawDelivery,
} from "@/lib/data/store/outbox-sql";
import { splitIntoEvents } from "@/lib/data/store/split-events";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { SQLITE_DIALECT } from "./dialect";
import { groupCommit, noResults } from "./group-commit";
import {
  auditParams,
  insertTokenStatement,
  SQL,
  subscriptionStatements,
  toChanged,
  toClientAuth,
  toCode,
  toToken,
  toTokenForApi,
  type RawChanged,
  type RawClientRow,
  type RawCode,
  type RawToken,
  type RawTokenForApi,
} from "./sql";
import type { ChangedToken, DriverStore, NewToken, NoticeType, QueuedNotices, SubscriptionChange, TokenChange } from "./types";

const { time } = SQLITE_DIALECT;
const OUTBOX_SQL = outboxSql(SQLITE_CLOCK);
const CLAIMABLE = claimable(SQLITE_CLOCK);

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
  const queue = (type: NoticeType, tokens: ChangedToken[], at: number, { delayMs = 0, announce = true } = {}): QueuedNotices => {
    const sequences = splitIntoEvents(type, tokens, at).flatMap((e) => {
      const { sequence } = stmt(OUTBOX_SQL.insertEvent).get(e.id, e.type, e.tokens, e.createdAt, e.expiresAt) as { sequence: number };
      if (announce) for (const id of e.tokenIds) stmt(OUTBOX_SQL.markAnnounced).run(sequence, id);
      const { changes } = stmt(OUTBOX_SQL.insertDeliveries).run(sequence, delayMs, delayMs + RETRY_WINDOW_MS, at);
      return changes > 0 ? [sequence] : [];
    });

    return { sequences, revoked: type === "token.revoked" && announce ? tokens : [] };
  };

  const applyTokenChange = (change: TokenChange) => {
    const changed = (stmt(change.tokens.sql).all(...change.tokens.params) as RawChanged[]).map(toChanged);
    for (const s of change.effect(changed)) stmt(s.sql).run(...s.params);
    for (const row of change.audit(changed)) stmt(SQL.insertAudit).run(...auditParams(row, time));

    return { changed, notices: queue(change.tokens.notice, changed, change.at) };
  };
  const commitAll = conn.transaction((changes: TokenChange[]) => changes.map(applyTokenChange));

  const insertMany = conn.transaction((tokens: NewToken[]) => {
    for (const t of tokens) {
      const { sql, params } = insertTokenStatement(t, time);
      stmt(sql).run(...params);
    }
  });

  const redeem = conn.transaction((hash: string, at: number, tokens: NewToken[]) => {
    if (stmt(SQL.redeemCode).run(at, hash).changes === 0) return false;
    insertMany(tokens); // nested: runs inside this transaction

    return true;
  });

  const commitSubscription = conn.transaction((change: SubscriptionChange): QueuedNotices => {
    for (const effect of change.effects) {
      const { sql, params } = subscriptionStatements(effect, change.at, time);
      stmt(sql).run(...params);
    }
    for (const row of change.audit) stmt(SQL.insertAudit).run(...auditParams(row, time));
    const sequences = change.notify.flatMap(({ clientId, api }) => {
      const { until } = stmt(OUTBOX_SQL.liveTokensUntil).get(clientId, change.at) as { until: number | null };
      if (until === null) return []; // no live token: no gateway holds validation info to evict
      const id = `evt_${randomUUID().replace(/-/g, "")}`;
      const { sequence } = stmt(OUTBOX_SQL.insertSubscriptionEvent).get(id, clientId, api.context, api.version, change.at, until) as {
        sequence: number;
      };
      const { changes } = stmt(OUTBOX_SQL.insertDeliveries).run(sequence, 0, RETRY_WINDOW_MS, change.at);
      return changes > 0 ? [sequence] : [];
    });

    return { sequences, revoked: [] };
  });

  // One statement leases the rows (SQLite has one writer: no row locks needed), then each is loaded to send.
  const claimWhere = (filter: string) =>
    stmt(`UPDATE deliveries SET lease_until = ${SQLITE_CLOCK.plus("?")} WHERE (event_sequence, gateway_id) IN (
        SELECT event_sequence, gateway_id FROM deliveries WHERE ${CLAIMABLE}${filter} ORDER BY next_attempt_at LIMIT ?)
      RETURNING event_sequence, gateway_id`);
  const claim = conn.transaction((filter: string, params: unknown[], leaseMs: number, limit: number) => {
    const sendBy = Date.now() + leaseMs;
    const keys = claimWhere(filter).all(leaseMs, ...params, limit) as { event_sequence: number; gateway_id: string }[];
    const load = stmt(`SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.event_sequence = ? AND d.gateway_id = ?`);

    return keys.map((k) => toDelivery(load.get(k.event_sequence, k.gateway_id) as RawDelivery, sendBy));
  });

  const record = conn.transaction((attempts: Parameters<DriverStore["recordAttempts"]>[0]) => {
    for (const a of attempts) {
      const changed = stmt(OUTBOX_SQL.recordAttempt).get(...recordAttemptParams(a), a.leaseUntil);
      if (changed && a.ok) stmt(OUTBOX_SQL.pullForward).run(a.gatewayId);
    }
  });

  const usage = conn.transaction((batch: Parameters<DriverStore["recordUsage"]>[0]) => {
    for (const t of batch.tokens) stmt(SQL.touchToken).run(t.at, t.id, t.at);
    for (const s of batch.secrets) stmt(SQL.touchSecret).run(s.at, s.hash, s.at);
    for (const i of batch.introspections) stmt(SQL.countIntrospections).run(i.day, i.clientId, i.count);
  });

  return {
    dialect: SQLITE_DIALECT,
    async findClient(clientId) {
      return toClientAuth(stmt(SQL.findClient).all(clientId) as RawClientRow[]);
    },
    async findTokenByHash(hash) {
      const row = stmt(SQL.findTokenByHash).get(hash) as RawToken | undefined;

      return row ? toToken(row) : null;
    },
    async findTokenForApi(hash, api) {
      const row = stmt(SQL.findTokenForApi).get(api.context, api.version, hash) as RawTokenForApi | undefined;

      return row ? toTokenForApi(row) : null;
    },
    insertToken: groupCommit(noResults(async (tokens: NewToken[]) => insertMany(tokens))),
    async insertTokens(tokens) {
      insertMany(tokens);
    },
    async findCode(hash) {
      const row = stmt(SQL.findCode).get(hash) as RawCode | undefined;

      return row ? toCode(row) : null;
    },
    async redeemCode(hash, at, tokens) {
      return redeem(hash, at, tokens);
    },
    async listScopeNames() {
      return (stmt(SQL.listScopeNames).all() as { name: string }[]).map((r) => r.name);
    },
    async getSettings() {
      const rows = stmt(SQL.getSettings).all() as { key: string; value: string }[];

      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    // Concurrent changes share one write transaction, like issuances.
    commitTokenChange: groupCommit(async (changes: TokenChange[]) => commitAll(changes)),
    async commitSubscriptionChange(change) {
      return commitSubscription(change);
    },
    async queueResend(tokens, at, delayMs) {
      // Announced when it is due: its timestamp, and the latency figures, start then.
      return conn.transaction(() => queue("token.revoked", tokens, at + delayMs, { delayMs, announce: false }))();
    },
    async requeueFailed(gatewayId, sequence) {
      const params = [RETRY_WINDOW_MS, gatewayId, ...(sequence === undefined ? [] : [sequence])];
      const rows = stmt(OUTBOX_SQL.requeueFailed(sequence !== undefined)).all(...params) as { event_sequence: number }[];

      return rows.map((r) => r.event_sequence);
    },
    async claimQueued(sequences, gatewayId, leaseMs) {
      if (sequences.length === 0) return [];
      const filter = " AND event_sequence IN (SELECT value FROM json_each(?)) AND (? IS NULL OR gateway_id = ?)";

      return claim(filter, [JSON.stringify(sequences), gatewayId ?? null, gatewayId ?? null], leaseMs, -1);
    },
    async claimDueDeliveries(leaseMs, limit) {
      return claim("", [], leaseMs, limit);
    },
    async recordAttempts(attempts) {
      record(attempts);
    },
    async recordUsage(batch) {
      usage(batch);
    },
    async close() {
      conn.close();
    },
  };
}
