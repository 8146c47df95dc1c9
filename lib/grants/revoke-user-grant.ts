import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { TokenChangeResult } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Person } from "@/lib/engine/identity/actor.shared";

type RevokeUserGrantOptions = { clientId: string; actor: Person; now?: number };

/**
 * A person withdraws an application's access (Authorized applications): every token they
 * authorized it to hold is revoked and the remembered consent deleted, in one transaction, so the
 * next authorization asks again. Only the person's own grant: another's is not_found.
 */
export async function revokeUserGrant({ clientId, actor, now = Date.now() }: RevokeUserGrantOptions): Promise<TokenChangeResult> {
  const grant = await db.grant.findUnique({ where: { userId_clientId: { userId: actor.id, clientId } }, select: { id: true } });
  if (!grant) throw new AppError("not_found", "This application is not authorized.");
  const client = await db.client.findUnique({ where: { id: clientId }, select: { appId: true } });

  return commitTokenChange({
    cause: "grant_revoked",
    tokens: { revoke: { clientId, userId: actor.id } },
    effect: { userId: actor.id, clientId },
    by: actorName(actor),
    actor,
    appId: client?.appId ?? null,
    detail: (changed) => ({ count: changed.length }),
    now,
  });
}
