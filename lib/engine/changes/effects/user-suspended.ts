import type { Effect } from "./effect";

/**
 * user_suspended: the user marked suspended, every session of theirs ended, and what would let an
 * application get new tokens for them gone: their remembered consent and the codes they approved
 * that were not redeemed yet (a redeemed code stays, the evidence its reuse is judged by).
 */
export const userSuspended: Effect<{ userId: string }> = ({ userId }, { at, dialect }) => [
  { sql: "UPDATE users SET suspended_at = ? WHERE id = ? AND suspended_at IS NULL", params: [dialect.time(at), userId] },
  { sql: "DELETE FROM sessions WHERE user_id = ?", params: [userId] },
  { sql: "DELETE FROM grants WHERE user_id = ?", params: [userId] },
  { sql: "DELETE FROM authorization_codes WHERE user_id = ? AND used_at IS NULL", params: [userId] },
];
