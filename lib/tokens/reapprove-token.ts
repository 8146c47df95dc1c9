import type { TokenChangeResult } from "@/lib/data/store";
import { commitTokenChange, NO_CHANGE } from "@/lib/engine/changes/commit-token-change";
import { findOperatorTarget, operatorActor, type Operator, type OperatorTarget } from "./operator-target";

type ReapproveOptions = OperatorTarget & { cascade?: boolean; operator?: Operator; reason?: string; now?: number };

/**
 * Re-approval (Apigee ValidateToken): a revoked token that has not expired is valid again — with
 * cascade, every such token of its grant. Rotated refresh tokens stay used (reuse detection keeps
 * its evidence). Gateways get token.updated, which outranks their tombstone of the revocation.
 */
export async function reapproveToken({
  cascade = true,
  operator = { via: "cli" },
  reason,
  now = Date.now(),
  ...target
}: ReapproveOptions): Promise<TokenChangeResult> {
  const found = await findOperatorTarget(target);
  if (!found) return NO_CHANGE;

  return commitTokenChange({
    cause: "reapproved",
    tokens: { reapprove: cascade ? { grantId: found.grantId } : { tokenId: found.id } },
    by: operator.via === "cli" ? "cli" : operator.email,
    actor: operatorActor(operator, found.appId),
    detail: (changed) => ({ cascade, why: reason ?? null, count: changed.length, tokenIds: changed.map((t) => t.id) }),
    now,
  });
}
