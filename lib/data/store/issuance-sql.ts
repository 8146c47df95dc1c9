import type { Statement, Time } from "./dialect";
import type { NewToken } from "./types";

// Issuance: new token rows (a grant's pair, a group commit's batch) and the code they redeem.

export const TOKEN_COLUMNS = "id, hash, type, client_id, subscriber, grant_id, scope, created_at, expires_at, revoked_at";

export const ISSUANCE = {
  insertToken: `INSERT INTO tokens (${TOKEN_COLUMNS}, prefix, last4, user_id, issued_from, source, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  redeemCode: "UPDATE authorization_codes SET used_at = ? WHERE hash = ? AND used_at IS NULL",
};

/** A new token's values in the order of ISSUANCE.insertToken's columns. */
export const tokenParams = (t: NewToken, time: Time) => [
  t.id,
  t.hash,
  t.type,
  t.clientId,
  t.subscriber,
  t.grantId,
  t.scope,
  time(t.createdAt),
  time(t.expiresAt),
  t.revokedAt === null ? null : time(t.revokedAt),
  t.prefix,
  t.last4,
  t.userId ?? null,
  t.issuedFrom ?? null,
  t.source,
  t.note,
];

export const insertTokenStatement = (t: NewToken, time: Time): Statement => ({ sql: ISSUANCE.insertToken, params: tokenParams(t, time) });
