import type { Effect } from "./effect";

/** grant_revoked: the person's remembered consent goes with its tokens, so the next authorization asks again. */
export const grantRevoked: Effect<{ userId: string; clientId: string }> = ({ userId, clientId }) => [
  { sql: "DELETE FROM grants WHERE user_id = ? AND client_id = ?", params: [userId, clientId] },
];
