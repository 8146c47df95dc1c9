import type { Effect } from "./effect";

/**
 * password_changed: the new password's hash, every session of the person ended, and — when they asked to sign
 * out applications too — what would let an application get new tokens for them without asking again: their
 * remembered consent and the codes they approved that were not redeemed yet.
 */
export const passwordChanged: Effect<{ userId: string; passwordHash: string; signOutApplications: boolean }> = ({
  userId,
  passwordHash,
  signOutApplications,
}) => [
  { sql: "UPDATE users SET password_hash = ? WHERE id = ?", params: [passwordHash, userId] },
  { sql: "DELETE FROM sessions WHERE user_id = ?", params: [userId] },
  ...(signOutApplications
    ? [
        { sql: "DELETE FROM grants WHERE user_id = ?", params: [userId] },
        { sql: "DELETE FROM authorization_codes WHERE user_id = ? AND used_at IS NULL", params: [userId] },
      ]
    : []),
];
