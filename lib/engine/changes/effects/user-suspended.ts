import type { Effect } from "./effect";

/** user_suspended: the user marked suspended and every session of theirs ended. */
export const userSuspended: Effect<{ userId: string }> = ({ userId }, { at, dialect }) => [
  { sql: "UPDATE users SET suspended_at = ? WHERE id = ? AND suspended_at IS NULL", params: [dialect.time(at), userId] },
  { sql: "DELETE FROM sessions WHERE user_id = ?", params: [userId] },
];
