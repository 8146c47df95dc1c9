import { INSTANCE_ID } from "@/lib/data/bus/instance-id";
import { busPayload, EVENTS_CHANNEL, settingsChangedPayload } from "@/lib/data/bus/messages";
import { logConnectionLoss } from "@/lib/data/db/connection-errors";
import {
  claimable,
  DELIVERY_COLUMNS,
  outboxSql,
  POSTGRES_CLOCK,
  recordAttemptParams,
  RETRY_WINDOW_MS,
  toDelivery,
  type RawDelivery,
} from "@/lib/data/store/outbox-sql";
import { splitIntoEvents } from "@/lib/data/store/split-events";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { POSTGRES_DIALECT, utc } from "./dialect";
import { groupCommit, noResults } from "./group-commit";
import {
  auditParams,
  numbered,
  SQL,
  subscriptionStatements,
  toChanged,
  toClientAuth,
  toCode,
  TOKEN_COLUMNS,
  tokenParams,
  toToken,
  toTokenForApi,
  type RawChanged,
  type RawClientRow,
  type RawCode,
  type RawToken,
  type RawTokenForApi,
} from "./sql";
import type {
  ChangedToken,
  DriverStore,
  NewToken,
  NoticeType,
  QueuedNotices,
  SubscriptionChange,
  TokenChange,
  UsageBatch,
} from "./types";

// Prisma maps DateTime to `timestamp(3)` holding UTC. Read and write it as UTC text, whatever the
// process's time zone, and hand epoch ms to the rest of the code.
const TIMESTAMP_OID = 1114;
const parseUtc = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? parseUtc : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};
const OUTBOX_SQL = outboxSql(POSTGRES_CLOCK, { lockGateways: " FOR KEY SHARE" });
const CLAIMABLE = claimable(POSTGRES_CLOCK);

type Queryable = pg.Pool | pg.PoolClient;
const TOKEN_INSERT_TYPES = [
  ...["text", "text", "text", "text", "text", "text", "text", "timestamp", "timestamp", "timestamp"],
  ...["text", "text", "text", "text"], // prefix, last4, user_id, issued_from
];
const INSERT_TOKENS = `INSERT INTO tokens (${TOKEN_COLUMNS}, prefix, last4, user_id, issued_from)
  SELECT * FROM unnest(${TOKEN_INSERT_TYPES.map((type) => `?::${type}[]`).join(", ")})`;
const EVENT_SEQUENCE_LOCK = 0x70636c01; // an advisory lock key of our own ("pcl" 1)

/**
 * A change's events, in one statement: the event-sequence lock, the events, the tokens marked as
 * announced, a delivery per enabled gateway (locked FOR KEY SHARE, see outboxSql) and the bus
 * message. Sequences follow commit order because each transaction takes the lock before its
 * first sequence and holds it until it commits; as the last statement before COMMIT, the lock is
 * held for one round trip, not one per statement (under load each round trip waits its turn in
 * the event loop, and every revocation of every instance queues behind the holder).
 */
const QUEUE_EVENTS = `WITH locked AS (SELECT pg_advisory_xact_lock($1)),
  ev AS (
    INSERT INTO revocation_events (id, type, tokens, created_at, expires_at)
    SELECT e.id, e.type, e.tokens, e.created_at, e.expires_at
    FROM locked, unnest($2::text[], $3::text[], $4::text[], $5::timestamp[], $6::timestamp[])
      WITH ORDINALITY AS e(id, type, tokens, created_at, expires_at, n)
    ORDER BY e.n
    RETURNING id, type, sequence, created_at),
  marked AS (
    UPDATE tokens t SET revocation_seq = ev.sequence
    FROM ev JOIN unnest($7::text[], $8::text[]) AS m(token_id, event_id) ON m.event_id = ev.id
    WHERE $9::boolean AND t.id = m.token_id
    RETURNING t.id),
  queued AS (
    INSERT INTO deliveries (event_sequence, gateway_id, status, attempts, next_attempt_at, give_up_at, lease_until, created_at)
    SELECT ev.sequence, g.id, 'pending', 0, ${POSTGRES_CLOCK.plus("$10")}, ${POSTGRES_CLOCK.plus("$11")}, NULL, ev.created_at
    FROM ev, gateways g WHERE g.disabled_at IS NULL
    FOR KEY SHARE OF g
    RETURNING event_sequence),
  notified AS (
    SELECT pg_notify($12, json_build_object('from', $13::text, 'type', type, 'first', MIN(sequence), 'last', MAX(sequence))::text)
    FROM ev WHERE $9::boolean GROUP BY type)
  SELECT id, sequence, EXISTS (SELECT 1 FROM queued q WHERE q.event_sequence = ev.sequence) AS queued,
    (SELECT COUNT(*) FROM notified) AS notified -- a plain SELECT runs only if read; the writes above always do
  FROM ev ORDER BY sequence`;

/** Named prepared statements on a small pool; each portal instance keeps its own pool. */
export function createPostgresStore(connectionString: string): DriverStore {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  pool.on("error", logConnectionLoss("store")); // an idle connection dropped: the pool reconnects on next use
  const query = <R extends pg.QueryResultRow>(on: Queryable, name: string | undefined, text: string, values: unknown[]) =>
    on.query<R>({ name, text: numbered(text), values });

  // Any number of tokens in one statement (column arrays, unnested into rows): a group commit, a grant's pair.
  async function insertRows(on: Queryable, tokens: NewToken[]) {
    const rows = tokens.map((t) => tokenParams(t, utc));
    await query(
      on,
      "insert_tokens",
      INSERT_TOKENS,
      TOKEN_INSERT_TYPES.map((_, i) => rows.map((r) => r[i])),
    );
  }

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

  // A token change's own statements; its events are queued with the rest of its batch.
  async function applyTokenChange(c: pg.PoolClient, change: TokenChange) {
    const changed = (await query<RawChanged>(c, undefined, change.tokens.sql, change.tokens.params)).rows.map(toChanged);
    for (const s of change.effect(changed)) await query(c, undefined, s.sql, s.params);
    for (const row of change.audit(changed)) await query(c, "insert_audit", SQL.insertAudit, auditParams(row, utc));

    return { changed, notice: change.tokens.notice };
  }

  // Must run inside a transaction, as its last statement: the notices commit with the changes they
  // announce, and so does the instance bus's message about them (NOTIFY is delivered at commit, or never).
  // One statement for any number of changes (a group commit's), each answered with its own notices.
  async function queue(
    c: pg.PoolClient,
    changes: { type: NoticeType; tokens: ChangedToken[]; at: number }[],
    { delayMs = 0, announce = true } = {},
  ): Promise<QueuedNotices[]> {
    const events = changes.flatMap((change, i) => splitIntoEvents(change.type, change.tokens, change.at).map((e) => ({ ...e, change: i })));
    const queued = changes.map((change) => ({
      sequences: [] as number[],
      revoked: change.type === "token.revoked" && announce ? change.tokens : [],
    }));
    if (events.length === 0) return queued;
    const { rows } = await c.query<{ id: string; sequence: number; queued: boolean }>({
      name: "queue_events",
      text: QUEUE_EVENTS,
      values: [
        EVENT_SEQUENCE_LOCK,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.tokens),
        events.map((e) => utc(e.createdAt)),
        events.map((e) => utc(e.expiresAt)),
        events.flatMap((e) => e.tokenIds),
        events.flatMap((e) => e.tokenIds.map(() => e.id)),
        announce,
        delayMs,
        delayMs + RETRY_WINDOW_MS,
        EVENTS_CHANNEL,
        INSTANCE_ID,
      ],
    });
    const changeOf = new Map(events.map((e) => [e.id, e.change]));
    // With no gateway registered, nothing waits to be sent.
    for (const r of rows) if (r.queued) queued[changeOf.get(r.id)!].sequences.push(r.sequence);

    return queued;
  }

  // SKIP LOCKED: several instances claim disjoint rows without waiting on each other.
  async function claim(filter: string, params: unknown[], leaseMs: number, limit: number | null) {
    const sendBy = Date.now() + leaseMs;
    const { rows } = await query<RawDelivery>(
      pool,
      undefined,
      `WITH due AS (
         SELECT event_sequence, gateway_id FROM deliveries WHERE ${CLAIMABLE}${filter}
         ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE deliveries d SET lease_until = ${POSTGRES_CLOCK.plus("?")} FROM due
         WHERE d.event_sequence = due.event_sequence AND d.gateway_id = due.gateway_id RETURNING d.*)
       SELECT ${DELIVERY_COLUMNS.replace(/\bd\./g, "c.")} FROM claimed c
         JOIN revocation_events e ON e.sequence = c.event_sequence JOIN gateways g ON g.id = c.gateway_id`,
      [...params, limit, leaseMs],
    );

    return rows.map((r) => toDelivery(r, sendBy));
  }

  async function commitSubscription(c: pg.PoolClient, change: SubscriptionChange): Promise<QueuedNotices> {
    for (const effect of change.effects) {
      const { sql, params } = subscriptionStatements(effect, change.at, utc);
      await query(c, undefined, sql, params);
    }
    for (const row of change.audit) await query(c, "insert_audit", SQL.insertAudit, auditParams(row, utc));
    // The same ordering lock as token events: no event commits below a sequence a feed reader has passed.
    if (change.notify.length > 0)
      await c.query({ name: "lock_event_sequence", text: "SELECT pg_advisory_xact_lock($1)", values: [EVENT_SEQUENCE_LOCK] });
    const sequences = [];
    const inserted = [];
    for (const { clientId, api } of change.notify) {
      const { rows } = await query<{ until: number | null }>(c, "live_tokens_until", OUTBOX_SQL.liveTokensUntil, [
        clientId,
        utc(change.at),
      ]);
      const until = rows[0]?.until ?? null;
      if (until === null) continue; // no live token: no gateway holds validation info to evict
      const id = `evt_${randomUUID().replace(/-/g, "")}`;
      const at = change.at;
      const row = await query<{ sequence: number }>(c, "insert_subscription_event", OUTBOX_SQL.insertSubscriptionEvent, [
        id,
        clientId,
        api.context,
        api.version,
        utc(at),
        utc(until),
      ]);
      const sequence = row.rows[0].sequence;
      inserted.push(sequence);
      const { rowCount } = await query(c, "insert_deliveries", OUTBOX_SQL.insertDeliveries, [sequence, 0, RETRY_WINDOW_MS, utc(at)]);
      if (rowCount) sequences.push(sequence);
    }
    // Other instances evict their cached validation info for these (client, API) pairs (lib/engine/validation-cache), at commit.
    if (inserted.length > 0)
      await c.query({
        name: "notify_events",
        text: "SELECT pg_notify($1, $2)",
        values: [EVENTS_CHANNEL, busPayload("subscription.changed", inserted)],
      });
    if (change.announceSettings)
      await c.query({ name: "notify_settings", text: "SELECT pg_notify($1, $2)", values: [EVENTS_CHANNEL, settingsChangedPayload()] });

    return { sequences, revoked: [] };
  }

  return {
    dialect: POSTGRES_DIALECT,
    async findClient(clientId) {
      return toClientAuth((await query<RawClientRow>(pool, "find_client", SQL.findClient, [clientId])).rows);
    },
    async findTokenByHash(hash) {
      const row = (await query<RawToken>(pool, "find_token", SQL.findTokenByHash, [hash])).rows[0];

      return row ? toToken(row) : null;
    },
    async findTokenForApi(hash, api) {
      const row = (await query<RawTokenForApi>(pool, "find_token_for_api", SQL.findTokenForApi, [api.context, api.version, hash])).rows[0];

      return row ? toTokenForApi(row) : null;
    },
    insertToken: groupCommit(noResults((tokens: NewToken[]) => insertRows(pool, tokens))),
    async insertTokens(tokens) {
      await insertRows(pool, tokens); // one statement: all or none
    },
    async findCode(hash) {
      const row = (await query<RawCode>(pool, "find_code", SQL.findCode, [hash])).rows[0];

      return row ? toCode(row) : null;
    },
    async redeemCode(hash, at, tokens) {
      return transaction(async (c) => {
        const { rowCount } = await query(c, "redeem_code", SQL.redeemCode, [utc(at), hash]);
        if (!rowCount) return false;
        await insertRows(c, tokens);

        return true;
      });
    },
    async listScopeNames() {
      return (await query<{ name: string }>(pool, "list_scope_names", SQL.listScopeNames, [])).rows.map((r) => r.name);
    },
    async getSettings() {
      const { rows } = await query<{ key: string; value: string }>(pool, "get_settings", SQL.getSettings, []);

      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
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
    async commitSubscriptionChange(change) {
      return transaction((c) => commitSubscription(c, change));
    },
    async queueResend(tokens, at, delayMs) {
      // Announced when it is due: its timestamp, and the latency figures, start then.
      return transaction(
        async (c) => (await queue(c, [{ type: "token.revoked", tokens, at: at + delayMs }], { delayMs, announce: false }))[0],
      );
    },
    async requeueFailed(gatewayId, sequence) {
      const params = [RETRY_WINDOW_MS, gatewayId, ...(sequence === undefined ? [] : [sequence])];
      const { rows } = await query<{ event_sequence: number }>(pool, undefined, OUTBOX_SQL.requeueFailed(sequence !== undefined), params);

      return rows.map((r) => r.event_sequence);
    },
    async claimQueued(sequences, gatewayId, leaseMs) {
      if (sequences.length === 0) return [];

      return claim(
        " AND event_sequence = ANY(?) AND (?::text IS NULL OR gateway_id = ?)",
        [sequences, gatewayId ?? null, gatewayId ?? null],
        leaseMs,
        null,
      );
    },
    async claimDueDeliveries(leaseMs, limit) {
      return claim("", [], leaseMs, limit);
    },
    async recordAttempts(attempts) {
      if (attempts.length === 0) return;
      await transaction(async (c) => {
        for (const a of attempts) {
          const { rowCount } = await query(c, "record_attempt", OUTBOX_SQL.recordAttempt, [...recordAttemptParams(a), utc(a.leaseUntil)]);
          if (rowCount && a.ok) await query(c, "pull_forward", OUTBOX_SQL.pullForward, [a.gatewayId]);
        }
      });
    },
    async recordUsage(unordered) {
      const batch = inLockOrder(unordered);
      await transaction(async (c) => {
        for (const t of batch.tokens) await query(c, "touch_token", SQL.touchToken, [utc(t.at), t.id, utc(t.at)]);
        for (const s of batch.secrets) await query(c, "touch_secret", SQL.touchSecret, [utc(s.at), s.hash, utc(s.at)]);
        for (const i of batch.introspections) await query(c, "count_introspections", SQL.countIntrospections, [i.day, i.clientId, i.count]);
      });
    },
    async close() {
      await pool.end();
    },
  };
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Rows sorted by key: two instances flushing the same tokens at once then lock them in one order, so neither deadlocks. */
function inLockOrder(batch: UsageBatch): UsageBatch {
  return {
    tokens: [...batch.tokens].sort(byKey((t) => t.id)),
    secrets: [...batch.secrets].sort(byKey((s) => s.hash)),
    introspections: [...batch.introspections].sort(byKey((i) => `${i.day}|${i.clientId}`)),
  };
}
