import type { NewToken } from "@/lib/data/store";
import type { Effect } from "./effect";
import { refreshRotated } from "./refresh-rotated";

/**
 * refresh_retried: a client whose rotation response was lost presented the old refresh token again
 * within the grace; the pair it never received is revoked, a new one issued, and the old token
 * marked retried, so that it is accepted once, never twice.
 */
export const refreshRetried: Effect<{ tokens: NewToken[]; retriedFrom: string }> = ({ tokens, retriedFrom }, context) => {
  const issued = refreshRotated({ tokens }, context);
  if (issued.length === 0) return [];

  return [{ sql: "UPDATE tokens SET revoked_reason = 'refresh_retried' WHERE id = ?", params: [retriedFrom] }, ...issued];
};
