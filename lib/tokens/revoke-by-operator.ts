import type { TokenChangeResult } from "@/lib/data/store";
import { commitTokenChange, NO_CHANGE } from "@/lib/engine/changes/commit-token-change";
import { findOperatorTarget, operatorActor, type Operator, type OperatorTarget } from "./operator-target";

type RevokeByOperatorOptions = OperatorTarget & { cascade?: boolean; operator?: Operator; reason?: string; now?: number };

/**
 * `portcullis tokens revoke`, the admin pages and API: any token, with the rest of its grant
 * (cascade, Apigee InvalidateToken) or alone — a refresh token revoked alone leaves the access
 * tokens issued from it working until they expire. Unknown tokens change nothing.
 */
export async function revokeByOperator({
  cascade = true,
  operator = { via: "cli" },
  reason,
  now = Date.now(),
  ...target
}: RevokeByOperatorOptions): Promise<TokenChangeResult> {
  const found = await findOperatorTarget(target);
  if (!found) return NO_CHANGE;
  const by = operator.via === "cli" ? "cli" : operator.email;

  return commitTokenChange({
    cause: operator.via === "cli" ? "cli" : "admin",
    tokens: { revoke: cascade ? { grantId: found.grantId } : { tokenId: found.id } },
    by,
    actor: operatorActor(operator, found.appId),
    note: { cascade, ...(reason ? { why: reason } : {}) },
    now,
  });
}
