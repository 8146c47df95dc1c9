import type { DbClock, Dialect } from "./dialect";
import type { RawDelivery } from "./rows";
import type { PendingDelivery } from "./types";

// The transactional outbox (revocation_events + deliveries): the SQL both engines' stores run.
// Placeholders are `?`; the PostgreSQL store numbers them. Engine-specific claiming lives in each store.
//
// Due times, leases and give-up times are on the database's clock (dialect.ts `now`, `plus(?)`), never an
// instance's: an instance whose clock runs ahead would otherwise see every other instance's leases
// as lapsed and send their notices a second time.

export const LEASE_MS = 30_000; // longer than one attempt's timeout
/** PORTCULLIS_DELIVERY_RETRY_HOURS: how long a notice is retried before it is marked failed (default 72 h, as Stripe's webhooks; the feed covers the rest). */
export const retryWindowMs = () => Number(process.env.PORTCULLIS_DELIVERY_RETRY_HOURS ?? 72) * 3_600_000;

/** Due, not leased, and for an enabled gateway: a disabled gateway's notices wait (held) until it is enabled again. */
export const claimable = ({
  now,
}: DbClock) => `status = 'pending' AND next_attempt_at <= ${now} AND (lease_until IS NULL OR lease_until < ${now})
  AND gateway_id IN (SELECT id FROM gateways WHERE disabled_at IS NULL)`;

/**
 * Enabling a gateway releases what was held for it: due now, with a fresh retry window counted from
 * the release (time spent held is not time spent retrying). Parameters: the window in ms, the gateway.
 */
export const releaseHeldSql = ({ now, plus }: DbClock) =>
  `UPDATE deliveries SET next_attempt_at = ${now}, give_up_at = ${plus("?")} WHERE gateway_id = ? AND status = 'pending' RETURNING event_sequence`;

/**
 * `lockGateways` is PostgreSQL's `FOR KEY SHARE`: a gateway deleted while a change commits then
 * either waits for it (and its cascade takes the new deliveries) or, deleted first, gets none —
 * never a foreign-key error failing the revocation. SQLite runs one writer at a time and needs none.
 */
export function outboxSql(clock: DbClock, { lockGateways = "" } = {}) {
  const { now, plus } = clock;

  return {
    // Events are stamped by the database's clock (plus a re-send's delay, the 4th parameter): every instance's
    // must agree, as a gateway orders and times notices by it and the latency figures count from it.
    insertEvent: `INSERT INTO revocation_events (id, type, tokens, created_at, expires_at) VALUES (?, ?, ?, ${plus("?")}, ?) RETURNING sequence`,
    markAnnounced: "UPDATE tokens SET revocation_seq = ? WHERE id = ?",
    insertSubscriptionEvent: `INSERT INTO revocation_events (id, type, tokens, client_id, api_context, api_version, created_at, expires_at)
      VALUES (?, 'subscription.changed', '[]', ?, ?, ?, ${now}, ?) RETURNING sequence`,
    // A gateway caches validation info at most until the token expires: after the client's last live
    // token expires, nobody is owed a subscription.changed event about it (none is queued if it has none).
    liveTokensUntil: "SELECT MAX(expires_at) AS until FROM tokens WHERE client_id = ? AND revoked_at IS NULL AND expires_at > ?",
    // Not leased: whoever claims first sends the first attempt — the door that committed, or any worker
    // if that process died. `?` delays the first attempt (the race re-send). Disabled gateways get
    // their rows too, held (see claimable) until releaseHeld. Created when its event was: latency counts from there.
    // Parameters: the delay, the retry window, the event's sequence.
    insertDeliveries: `INSERT INTO deliveries (event_sequence, gateway_id, status, attempts, next_attempt_at, give_up_at, lease_until, created_at)
      SELECT e.sequence, g.id, 'pending', 0, ${plus("?")}, ${plus("?")}, NULL, e.created_at
      FROM revocation_events e, gateways g WHERE e.sequence = ?${lockGateways}`,
    // Only while this process still holds the lease it sent under: a slow holder whose lease lapsed
    // (and whose row another worker may have delivered since) writes nothing.
    recordAttempt: `UPDATE deliveries SET
        status = CASE WHEN ? = 1 THEN 'delivered' WHEN ${plus("?")} > give_up_at THEN 'failed' ELSE 'pending' END,
        attempts = attempts + 1, next_attempt_at = ${plus("?")}, lease_until = NULL, last_status = ?, last_error = ?,
        last_attempt_at = ${now}, delivered_at = CASE WHEN ? = 1 THEN ${now} END
      WHERE event_sequence = ? AND gateway_id = ? AND status = 'pending' AND lease_until = ? RETURNING status`,
    /** An admin's redelivery of one event or of all failed ones: a fresh retry window, due now. */
    requeueFailed: (oneEvent: boolean) =>
      `UPDATE deliveries SET status = 'pending', next_attempt_at = ${now}, give_up_at = ${plus("?")}, lease_until = NULL
        WHERE gateway_id = ? AND status = 'failed'${oneEvent ? " AND event_sequence = ?" : ""} RETURNING event_sequence`,
  };
}

/**
 * A gateway that acknowledges again is back: its retries backed off during the outage go out now.
 * Only those (attempts > 0): a first attempt due later is delayed on purpose (the race re-send).
 * Its own statement, after the attempts commit, skipping rows another instance holds (it is sending
 * or recording them): updating one gateway's rows from two transactions in different orders deadlocked.
 */
export const pullForwardSql = ({ clock: { now }, skipLocked }: Dialect, gateways = "gateway_id = ?") =>
  `UPDATE deliveries SET next_attempt_at = ${now} WHERE (event_sequence, gateway_id) IN (
    SELECT event_sequence, gateway_id FROM deliveries
    WHERE ${gateways} AND status = 'pending' AND attempts > 0 AND next_attempt_at > ${now}${skipLocked})`;

/** The parameters of `recordAttempt`, in order. */
export const recordAttemptParams = (a: {
  ok: boolean;
  retryInMs: number;
  httpStatus: number | null;
  error: string | null;
  sequence: number;
  gatewayId: string;
}) => [a.ok ? 1 : 0, a.retryInMs, a.retryInMs, a.httpStatus, a.error, a.ok ? 1 : 0, a.sequence, a.gatewayId];

export const DELIVERY_COLUMNS = `d.event_sequence, e.id AS event_id, e.type, e.tokens, e.client_id, e.api_context, e.api_version, e.created_at,
  d.gateway_id, g.revoke_url, g.signing_secret, g.previous_signing_secret, g.previous_secret_expires_at, d.attempts, d.lease_until`;
export const DELIVERY_FROM =
  "deliveries d JOIN revocation_events e ON e.sequence = d.event_sequence JOIN gateways g ON g.id = d.gateway_id";

/** `sendBy` is this process's own deadline for starting an attempt: its clock at the claim plus the lease. */
export const toDelivery = (r: RawDelivery, sendBy: number): PendingDelivery => ({
  sequence: r.event_sequence,
  eventId: r.event_id,
  type: r.type,
  tokens: r.tokens,
  createdAt: r.created_at,
  gatewayId: r.gateway_id,
  revokeUrl: r.revoke_url,
  signingSecret: r.signing_secret,
  previousSigningSecret: r.previous_signing_secret,
  previousSecretExpiresAt: r.previous_secret_expires_at,
  subscription:
    r.client_id && r.api_context && r.api_version
      ? { clientId: r.client_id, api: { context: r.api_context, version: r.api_version } }
      : null,
  attempts: r.attempts,
  leaseUntil: r.lease_until,
  sendBy,
});
