import type { NoticeType, PendingDelivery } from "@/lib/store/types";

// The transactional outbox (revocation_events + deliveries): the SQL both engines' stores run.
// Placeholders are `?`; the PostgreSQL store numbers them. Engine-specific claiming lives in each store.

export const FIRST_ATTEMPT_LEASE_MS = 15_000; // the queuing process sends first; others wait this long
export const RETRY_WINDOW_MS = 24 * 3600_000;

export const OUTBOX_SQL = {
  insertEvent: "INSERT INTO revocation_events (id, type, tokens, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING sequence",
  markAnnounced: "UPDATE tokens SET revocation_seq = ? WHERE id = ?",
  insertDeliveries: `INSERT INTO deliveries (event_sequence, gateway_id, status, attempts, next_attempt_at, give_up_at, lease_until, created_at)
    SELECT ?, id, 'pending', 0, ?, ?, ?, ? FROM gateways WHERE disabled_at IS NULL`,
  // Only while this process still holds the lease it sent under: a slow holder whose lease lapsed
  // (and whose row another worker may have delivered since) writes nothing.
  recordAttempt: `UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, lease_until = NULL, last_status = ?,
    last_error = ?, last_attempt_at = ?, delivered_at = ? WHERE event_sequence = ? AND gateway_id = ? AND status = 'pending' AND lease_until = ?`,
  // A gateway that acknowledges again is back: its retries backed off during the outage go out now.
  pullForward: "UPDATE deliveries SET next_attempt_at = ? WHERE gateway_id = ? AND status = 'pending' AND next_attempt_at > ?",
};

/** Due, not leased, and for an enabled gateway: a disabled gateway's notices wait (held) until it is enabled again. */
export const CLAIMABLE = `status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
  AND gateway_id IN (SELECT id FROM gateways WHERE disabled_at IS NULL)`;

/** An admin's redelivery of one event or of all failed ones: a fresh 24 h window, leased to the process that flushes it. */
export const requeueFailedSql = (oneEvent: boolean) =>
  `UPDATE deliveries SET status = 'pending', next_attempt_at = ?, give_up_at = ?, lease_until = ?
    WHERE gateway_id = ? AND status = 'failed'${oneEvent ? " AND event_sequence = ?" : ""} RETURNING event_sequence`;

export const DELIVERY_COLUMNS = `d.event_sequence, e.id AS event_id, e.type, e.tokens, e.created_at, d.gateway_id, g.revoke_url,
  g.signing_secret, g.previous_signing_secret, g.previous_secret_expires_at, d.attempts, d.give_up_at, d.lease_until`;
export const DELIVERY_FROM =
  "deliveries d JOIN revocation_events e ON e.sequence = d.event_sequence JOIN gateways g ON g.id = d.gateway_id";

export type RawDelivery = {
  event_sequence: number;
  event_id: string;
  type: NoticeType;
  tokens: string;
  created_at: number;
  gateway_id: string;
  revoke_url: string;
  signing_secret: string;
  previous_signing_secret: string | null;
  previous_secret_expires_at: number | null;
  attempts: number;
  give_up_at: number;
  lease_until: number;
};

export const toDelivery = (r: RawDelivery): PendingDelivery => ({
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
  attempts: r.attempts,
  giveUpAt: r.give_up_at,
  leaseUntil: r.lease_until,
});
