import type { TokenChangeResult } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { findOperatorTarget, type OperatorTarget } from "./operator-target";

type RevokeByOperatorOptions = OperatorTarget & { cascade?: boolean; actor: Actor; reason?: string; now?: number };

/**
 * `portcullis tokens revoke`, the admin pages and API: any token, with the rest of its grant
 * (cascade, Apigee InvalidateToken) or alone — a refresh token revoked alone leaves the access
 * tokens issued from it working until they expire. An unknown token is not_found.
 */
export async function revokeByOperator({
  cascade = true,
  actor,
  reason,
  now = Date.now(),
  ...target
}: RevokeByOperatorOptions): Promise<TokenChangeResult> {
  assertCan(actor, "tokens.oversee");
  const found = await findOperatorTarget(target);

  return commitTokenChange({
    cause: actor.kind === "operator" ? "cli" : "admin",
    tokens: { revoke: cascade ? { grantId: found.grantId } : { tokenId: found.id } },
    by: actorName(actor),
    actor,
    appId: found.appId,
    note: { cascade, ...(reason ? { why: reason } : {}) },
    now,
  });
}
