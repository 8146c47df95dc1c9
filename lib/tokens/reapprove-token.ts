import type { TokenChangeResult } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { findOperatorTarget, type OperatorTarget } from "./operator-target";

type ReapproveOptions = OperatorTarget & { cascade?: boolean; actor: Actor; reason?: string; now?: number };

/**
 * Re-approval (Apigee ValidateToken): a revoked token that has not expired is valid again — with
 * cascade, every such token of its grant. Rotated refresh tokens stay used (reuse detection keeps
 * its evidence). Gateways get token.updated, which outranks their tombstone of the revocation.
 */
export async function reapproveToken({
  cascade = true,
  actor,
  reason,
  now = Date.now(),
  ...target
}: ReapproveOptions): Promise<TokenChangeResult> {
  assertCan(actor, "tokens.oversee");
  const found = await findOperatorTarget(target);

  return commitTokenChange({
    cause: "reapproved",
    tokens: { reapprove: cascade ? { grantId: found.grantId } : { tokenId: found.id } },
    by: actorName(actor),
    actor,
    appId: found.appId,
    detail: (changed) => ({ cascade, why: reason ?? null, count: changed.length, tokenIds: changed.map((t) => t.id) }),
    now,
  });
}
