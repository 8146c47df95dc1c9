import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { getAppOrThrow } from "./get-app-or-throw";
import type { Actor } from "./schemas.shared";

type RevokeAppGrantOptions = { appId: string; tokenId: string; actor: Actor; ip?: string | null; now?: number };

/**
 * "Revoke" in the tokens list: the token and the rest of its grant. A token of another application
 * is `not_found`; one already revoked or expired is left as it is (revoking twice is not an error).
 */
export async function revokeAppGrant({
  appId,
  tokenId,
  actor,
  ip,
  now = Date.now(),
}: RevokeAppGrantOptions): Promise<{ revoked: number; notices: QueuedNotices }> {
  const { clientId } = await getAppOrThrow({ appId, userId: actor.id, role: actor.role }); // an admin may revoke in any application
  const token = await db.token.findFirst({ where: { id: tokenId, clientId }, select: { grantId: true } });
  if (!token) throw new AppError("not_found", "Token not found.");
  const { changed, notices } = await commitTokenChange({
    cause: "browser",
    tokens: { revoke: { grantId: token.grantId } },
    by: actor.email,
    actor: { appId, actorId: actor.id, actor: actor.email, ip },
    now,
  });

  return { revoked: changed.length, notices };
}
