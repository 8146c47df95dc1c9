import { INSTANCE_ID } from "@/lib/data/bus/instance-id";
import { busPayload, EVENTS_CHANNEL } from "@/lib/data/bus/messages";
import { POSTGRES, utc } from "@/lib/data/store/dialect";
import { claimable, DELIVERY_COLUMNS, outboxSql, pullForwardSql, retryWindowMs, toDelivery } from "@/lib/data/store/outbox-sql";
import type { RawDelivery, RawEventSequence, RawLiveUntil, RawSequence } from "@/lib/data/store/rows";
import { batchIntoEvents } from "@/lib/data/store/split-events";
import type { ApiRef, ChangedToken, DriverStore, NoticeType, QueuedNotices } from "@/lib/data/store/types";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { PostgresConnection } from "./connection";

const POSTGRES_CLOCK = POSTGRES.clock;
const OUTBOX_SQL = outboxSql(POSTGRES_CLOCK, { lockGateways: " FOR KEY SHARE OF g" });
const CLAIMABLE = claimable(POSTGRES_CLOCK);
const PULL_FORWARD = pullForwardSql(POSTGRES, "gateway_id = ANY(?)"); // every gateway that acknowledged, at once
const EVENT_SEQUENCE_LOCK = 0x70636c01; // an advisory lock key of our own ("pcl" 1)

/**
 * A change's events, in one statement: the event-sequence lock, the events (stamped by the database's
 * clock, plus the delay of a re-send: instances' clocks may disagree, the database's is one), the tokens marked as
 * announced, a delivery per gateway (held for a disabled one; locked FOR KEY SHARE, see outboxSql) and the bus
 * message. Sequences follow commit order because each transaction takes the lock before its
 * first sequence and holds it until it commits; as the last statement before COMMIT, the lock is
 * held for one round trip, not one per statement (under load each round trip waits its turn in
 * the event loop, and every revocation of every instance queues behind the holder).
 */
const QUEUE_EVENTS = `WITH locked AS (SELECT pg_advisory_xact_lock($1)),
  ev AS (
    INSERT INTO revocation_events (id, type, tokens, created_at, expires_at)
    SELECT e.id, e.type, e.tokens, ${POSTGRES_CLOCK.plus("$9")}, e.expires_at
    FROM locked, unnest($2::text[], $3::text[], $4::text[], $5::timestamp[])
      WITH ORDINALITY AS e(id, type, tokens, expires_at, n)
    ORDER BY e.n
    RETURNING id, type, sequence, created_at),
  marked AS (
    UPDATE tokens t SET revocation_seq = ev.sequence
    FROM ev JOIN unnest($6::text[], $7::text[]) AS m(token_id, event_id) ON m.event_id = ev.id
    WHERE $8::boolean AND t.id = m.token_id
    RETURNING t.id),
  queued AS (
    INSERT INTO deliveries (event_sequence, gateway_id, status, attempts, next_attempt_at, give_up_at, lease_until, created_at)
    SELECT ev.sequence, g.id, 'pending', 0, ${POSTGRES_CLOCK.plus("$9")}, ${POSTGRES_CLOCK.plus("$10")}, NULL, ev.created_at
    FROM ev, gateways g
    FOR KEY SHARE OF g
    RETURNING event_sequence),
  notified AS (
    SELECT pg_notify($11, json_build_object('from', $12::text, 'type', type, 'first', MIN(sequence), 'last', MAX(sequence))::text)
    FROM ev WHERE $8::boolean GROUP BY type)
  SELECT id, sequence, EXISTS (SELECT 1 FROM queued q WHERE q.event_sequence = ev.sequence) AS queued,
    (SELECT COUNT(*) FROM notified) AS notified -- a plain SELECT runs only if read; the writes above always do
  FROM ev ORDER BY sequence`;

/**
 * A pass's attempts, in one statement (atomic without a transaction of its own): as outboxSql's
 * recordAttempt, row by row, but one round trip whatever the gateways — a revocation to 100 gateways
 * wrote 100 UPDATEs inside a transaction, holding a connection of the pool the revocations commit
 * through while each waited its turn in the event loop. Rows are locked in key order, so two
 * instances recording overlapping rows (a lease that lapsed) wait for each other instead of deadlocking.
 * Returns the gateways whose acknowledgement was recorded.
 */
const RECORD_ATTEMPTS = `WITH a AS (
    SELECT * FROM unnest($1::int[], $2::text[], $3::boolean[], $4::bigint[], $5::int[], $6::text[], $7::timestamp[])
      AS a(event_sequence, gateway_id, ok, retry_ms, http_status, error, lease_until)),
  mine AS (
    SELECT d.event_sequence, d.gateway_id, a.ok, a.retry_ms, a.http_status, a.error
    FROM deliveries d JOIN a ON d.event_sequence = a.event_sequence AND d.gateway_id = a.gateway_id
    WHERE d.status = 'pending' AND d.lease_until = a.lease_until -- still ours: see recordAttempt
    ORDER BY d.gateway_id, d.event_sequence
    FOR UPDATE OF d)
  UPDATE deliveries d SET
    status = CASE WHEN m.ok THEN 'delivered' WHEN ${POSTGRES_CLOCK.plus("m.retry_ms")} > d.give_up_at THEN 'failed' ELSE 'pending' END,
    attempts = d.attempts + 1, next_attempt_at = ${POSTGRES_CLOCK.plus("m.retry_ms")}, lease_until = NULL,
    last_status = m.http_status, last_error = m.error, last_attempt_at = ${POSTGRES_CLOCK.now},
    delivered_at = CASE WHEN m.ok THEN ${POSTGRES_CLOCK.now} END
  FROM mine m WHERE d.event_sequence = m.event_sequence AND d.gateway_id = m.gateway_id
  RETURNING d.gateway_id, m.ok`;

export type PostgresOutbox = ReturnType<typeof postgresOutbox>;

/** The notice outbox on PostgreSQL: queueing (inside the change's transaction), claims, attempts and redeliveries. */
export function postgresOutbox({ pool, query, transaction }: PostgresConnection) {
  // Must run inside a transaction, as its last statement: the notices commit with the changes they
  // announce, and so does the instance bus's message about them (NOTIFY is delivered at commit, or never).
  // One statement for any number of changes (a group commit's), each answered with its own notices.
  async function queue(
    c: pg.PoolClient,
    changes: { type: NoticeType; tokens: ChangedToken[] }[],
    { delayMs = 0, announce = true } = {},
  ): Promise<QueuedNotices[]> {
    const events = batchIntoEvents(changes);
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
        events.map((e) => utc(e.expiresAt)),
        events.flatMap((e) => e.tokenIds),
        events.flatMap((e) => e.tokenIds.map(() => e.id)),
        announce,
        delayMs,
        delayMs + retryWindowMs(),
        EVENTS_CHANNEL,
        INSTANCE_ID,
      ],
    });
    const changesOf = new Map(events.map((e) => [e.id, e.changes]));
    // With no gateway registered, nothing waits to be sent.
    for (const r of rows) if (r.queued) for (const i of changesOf.get(r.id)!) queued[i].sequences.push(r.sequence);

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

  /**
   * One subscription.changed event per (client, API) that has live tokens, inside the change's
   * transaction, and the bus message that has the other instances evict at commit.
   */
  async function queueSubscriptionChanged(
    c: pg.PoolClient,
    notify: { clientId: string; api: ApiRef }[],
    at: number,
  ): Promise<QueuedNotices> {
    // The same ordering lock as token events: no event commits below a sequence a feed reader has passed.
    if (notify.length > 0)
      await c.query({ name: "lock_event_sequence", text: "SELECT pg_advisory_xact_lock($1)", values: [EVENT_SEQUENCE_LOCK] });
    const sequences = [];
    const inserted = [];
    for (const { clientId, api } of notify) {
      const { rows } = await query<RawLiveUntil>(c, "live_tokens_until", OUTBOX_SQL.liveTokensUntil, [clientId, utc(at)]);
      const until = rows[0]?.until ?? null;
      if (until === null) continue; // no live token: no gateway holds validation info to evict
      const id = `evt_${randomUUID().replace(/-/g, "")}`;
      const row = await query<RawSequence>(c, "insert_subscription_event", OUTBOX_SQL.insertSubscriptionEvent, [
        id,
        clientId,
        api.context,
        api.version,
        utc(until),
      ]);
      const sequence = row.rows[0].sequence;
      inserted.push(sequence);
      const { rowCount } = await query(c, "insert_deliveries", OUTBOX_SQL.insertDeliveries, [0, retryWindowMs(), sequence]);
      if (rowCount) sequences.push(sequence);
    }
    // Other instances evict their cached validation info for these (client, API) pairs (lib/engine/validation-cache), at commit.
    if (inserted.length > 0)
      await c.query({
        name: "notify_events",
        text: "SELECT pg_notify($1, $2)",
        values: [EVENTS_CHANNEL, busPayload("subscription.changed", inserted)],
      });

    return { sequences, revoked: [] };
  }

  const methods: Pick<DriverStore, "queueResend" | "requeueFailed" | "claimQueued" | "claimDueDeliveries" | "recordAttempts"> = {
    async queueResend(tokens, delayMs) {
      // Announced when it is due: its timestamp, and the latency figures, start then.
      return transaction(async (c) => (await queue(c, [{ type: "token.revoked", tokens }], { delayMs, announce: false }))[0]);
    },
    async requeueFailed(gatewayId, sequence) {
      const params = [retryWindowMs(), gatewayId, ...(sequence === undefined ? [] : [sequence])];
      const { rows } = await query<RawEventSequence>(pool, undefined, OUTBOX_SQL.requeueFailed(sequence !== undefined), params);

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
      const { rows } = await pool.query<{ gateway_id: string; ok: boolean }>({
        name: "record_attempts",
        text: RECORD_ATTEMPTS,
        values: [
          attempts.map((a) => a.sequence),
          attempts.map((a) => a.gatewayId),
          attempts.map((a) => a.ok),
          attempts.map((a) => a.retryInMs),
          attempts.map((a) => a.httpStatus),
          attempts.map((a) => a.error),
          attempts.map((a) => utc(a.leaseUntil)),
        ],
      });
      const acknowledged = [...new Set(rows.filter((r) => r.ok).map((r) => r.gateway_id))];
      if (acknowledged.length > 0) await query(pool, "pull_forward", PULL_FORWARD, [acknowledged]);
    },
  };

  return { queue, queueSubscriptionChanged, methods };
}
