import { SQLITE } from "@/lib/data/store/dialect";
import {
  claimable,
  DELIVERY_COLUMNS,
  DELIVERY_FROM,
  outboxSql,
  pullForwardSql,
  recordAttemptParams,
  retryWindowMs,
  toDelivery,
} from "@/lib/data/store/outbox-sql";
import type { RawDelivery, RawDeliveryKey, RawEventSequence, RawLiveUntil, RawSequence } from "@/lib/data/store/rows";
import { batchIntoEvents } from "@/lib/data/store/split-events";
import type { ApiRef, ChangedToken, DeliveryAttempt, DriverStore, NoticeType, QueuedNotices } from "@/lib/data/store/types";
import { randomUUID } from "node:crypto";
import type { SqliteConnection } from "./connection";

const OUTBOX_SQL = outboxSql(SQLITE.clock);
const CLAIMABLE = claimable(SQLITE.clock);
const PULL_FORWARD = pullForwardSql(SQLITE);

export type SqliteOutbox = ReturnType<typeof sqliteOutbox>;

/** The notice outbox on SQLite: queueing (inside the change's transaction), claims, attempts and redeliveries. */
export function sqliteOutbox({ conn, stmt }: SqliteConnection) {
  const { time } = SQLITE;

  // Must run inside a transaction: the notices commit with the changes they announce. Any number of
  // changes (a group commit's), each answered with its own notices; consecutive ones of a type share events.
  // With no gateway registered the events still go to the feed, and nothing waits to be sent.
  const queue = (changes: { type: NoticeType; tokens: ChangedToken[] }[], { delayMs = 0, announce = true } = {}): QueuedNotices[] => {
    const queued = changes.map((c) => ({ sequences: [] as number[], revoked: c.type === "token.revoked" && announce ? c.tokens : [] }));
    for (const e of batchIntoEvents(changes)) {
      const { sequence } = stmt(OUTBOX_SQL.insertEvent).get(e.id, e.type, e.tokens, delayMs, time(e.expiresAt)) as RawSequence;
      if (announce) for (const id of e.tokenIds) stmt(OUTBOX_SQL.markAnnounced).run(sequence, id);
      const { changes: deliveries } = stmt(OUTBOX_SQL.insertDeliveries).run(delayMs, delayMs + retryWindowMs(), sequence);
      if (deliveries > 0) for (const i of e.changes) queued[i].sequences.push(sequence);
    }

    return queued;
  };

  /** One subscription.changed event per (client, API) that has live tokens; inside the change's transaction too. */
  const queueSubscriptionChanged = (notify: { clientId: string; api: ApiRef }[], at: number): QueuedNotices => {
    const sequences = notify.flatMap(({ clientId, api }) => {
      const { until } = stmt(OUTBOX_SQL.liveTokensUntil).get(clientId, time(at)) as RawLiveUntil;
      if (until === null) return []; // no live token: no gateway holds validation info to evict
      const id = `evt_${randomUUID().replace(/-/g, "")}`;
      const { sequence } = stmt(OUTBOX_SQL.insertSubscriptionEvent).get(id, clientId, api.context, api.version, until) as RawSequence;
      const { changes } = stmt(OUTBOX_SQL.insertDeliveries).run(0, retryWindowMs(), sequence);
      return changes > 0 ? [sequence] : [];
    });

    return { sequences, revoked: [] };
  };

  // One statement leases the rows (SQLite has one writer: no row locks needed), then each is loaded to send.
  const claimWhere = (filter: string) =>
    stmt(`UPDATE deliveries SET lease_until = ${SQLITE.clock.plus("?")} WHERE (event_sequence, gateway_id) IN (
        SELECT event_sequence, gateway_id FROM deliveries WHERE ${CLAIMABLE}${filter} ORDER BY next_attempt_at LIMIT ?)
      RETURNING event_sequence, gateway_id`);
  const claim = conn.transaction((filter: string, params: unknown[], leaseMs: number, limit: number) => {
    const sendBy = Date.now() + leaseMs;
    const keys = claimWhere(filter).all(leaseMs, ...params, limit) as RawDeliveryKey[];
    const load = stmt(`SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.event_sequence = ? AND d.gateway_id = ?`);

    return keys.map((k) => toDelivery(load.get(k.event_sequence, k.gateway_id) as RawDelivery, sendBy));
  });

  const record = conn.transaction((attempts: DeliveryAttempt[]) => {
    const acknowledged = new Set<string>();
    for (const a of attempts) {
      const changed = stmt(OUTBOX_SQL.recordAttempt).get(...recordAttemptParams(a), time(a.leaseUntil));
      if (changed && a.ok) acknowledged.add(a.gatewayId);
    }
    for (const gatewayId of acknowledged) stmt(PULL_FORWARD).run(gatewayId); // one writer: no deadlock to avoid
  });

  const methods: Pick<DriverStore, "queueResend" | "requeueFailed" | "claimQueued" | "claimDueDeliveries" | "recordAttempts"> = {
    async queueResend(tokens, delayMs) {
      // Announced when it is due: its timestamp, and the latency figures, start then.
      return conn.transaction(() => queue([{ type: "token.revoked", tokens }], { delayMs, announce: false })[0])();
    },
    async requeueFailed(gatewayId, sequence) {
      const params = [retryWindowMs(), gatewayId, ...(sequence === undefined ? [] : [sequence])];
      const rows = stmt(OUTBOX_SQL.requeueFailed(sequence !== undefined)).all(...params) as RawEventSequence[];

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
  };

  return { queue, queueSubscriptionChanged, methods };
}
