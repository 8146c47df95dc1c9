import { db } from "@/lib/data/db/client";
import { NOT_REAPPROVABLE } from "@/lib/engine/changes/causes.shared";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { findOperatorTarget, type OperatorTarget } from "./operator-target";

type PreviewOptions = OperatorTarget & { cascade?: boolean; actor: Actor; now?: number };

// As the re-approval statement (token-statements.ts): a token revoked for a cause that keeps it revoked stays so.
const reapprovable = (reason: string | null) => !(NOT_REAPPROVABLE as (string | null)[]).includes(reason);
const stateOf = (t: { revokedAt: Date | null; expiresAt: Date }, now: number) =>
  t.revokedAt ? "revoked" : t.expiresAt.getTime() <= now ? "expired" : "active";

/**
 * What the admin's revoke and re-approve would change for a token, before either is asked: the token
 * (its kind, state and application) and how many tokens each would change, counted by the same rules
 * as their statements (revoke: those not revoked yet; re-approve: revoked, unexpired, for a cause that
 * may be undone). An unknown token is not_found, as for the actions.
 */
export async function previewOperatorChange({ cascade = true, actor, now = Date.now(), ...target }: PreviewOptions) {
  assertCan(actor, "tokens.oversee");
  const found = await findOperatorTarget(target);
  const select = { id: true, type: true, revokedAt: true, revokedReason: true, expiresAt: true } as const;
  const [covered, app] = await Promise.all([
    db.token.findMany({ where: cascade ? { grantId: found.grantId } : { id: found.id }, select }),
    found.appId ? db.app.findUnique({ where: { id: found.appId }, select: { name: true } }) : null,
  ]);
  const token = covered.find((t) => t.id === found.id)!;

  return {
    token: { id: token.id, type: token.type, state: stateOf(token, now), expiresAt: token.expiresAt.toISOString() },
    app: app && { name: app.name, clientId: found.clientId },
    covered: covered.length,
    revoke: covered.filter((t) => t.revokedAt === null).length,
    reapprove: covered.filter((t) => t.revokedAt !== null && t.expiresAt.getTime() > now && reapprovable(t.revokedReason)).length,
  };
}

export type OperatorChangePreview = Awaited<ReturnType<typeof previewOperatorChange>>;
