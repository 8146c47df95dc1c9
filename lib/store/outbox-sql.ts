import { randomUUID } from "node:crypto";
import type { NoticeType, PendingDelivery, RevokedToken } from "./types";

// The transactional outbox (revocation_events + deliveries). Placeholders are `?`; the
// PostgreSQL store numbers them. Engine-specific claiming lives in each store.

export const NOTICE_CHUNK = 500; // the contract's largest event
export const FIRST_ATTEMPT_LEASE_MS = 15_000; // the queuing process sends first; others wait this long
export const RETRY_WINDOW_MS = 24 * 3600_000;

export const OUTBOX_SQL = {
  insertEvent: "INSERT INTO revocation_events (id, type, tokens, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING sequence",
  markAnnounced: "UPDATE tokens SET revocation_seq = ? WHERE id = ?",
  insertDeliveries: `INSERT INTO deliveries (event_sequence, gateway_id, status, attempts, next_attempt_at, give_up_at, lease_until, created_at)
    SELECT ?, id, 'pending', 0, ?, ?, ?, ? FROM gateways WHERE disabled_at IS NULL`,
  recordAttempt: `UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, lease_until = NULL, last_status = ?,
    last_error = ?, last_attempt_at = ?, delivered_at = ? WHERE event_sequence = ? AND gateway_id = ?`,
};

export const DELIVERY_COLUMNS = `d.event_sequence, e.id AS event_id, e.type, e.tokens, e.created_at, d.gateway_id, g.revoke_url,
  g.signing_secret, g.previous_signing_secret, g.previous_secret_expires_at, d.attempts, d.give_up_at`;
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
});

/** Splits tokens into events of at most 500, each with its wire-ready token list. */
export function eventRows(type: NoticeType, tokens: RevokedToken[], at: number) {
  const rows = [];
  for (let i = 0; i < tokens.length; i += NOTICE_CHUNK) {
    const chunk = tokens.slice(i, i + NOTICE_CHUNK);
    const wire = chunk.map((t) => ({
      token_hash: t.hash,
      token_type: t.type,
      client_id: t.clientId,
      expires_at: new Date(t.expiresAt).toISOString(),
    }));
    rows.push({
      id: `evt_${randomUUID().replace(/-/g, "")}`,
      type,
      tokens: JSON.stringify(wire),
      createdAt: at,
      expiresAt: Math.max(...chunk.map((t) => t.expiresAt)),
      tokenIds: chunk.map((t) => t.id),
    });
  }

  return rows;
}
