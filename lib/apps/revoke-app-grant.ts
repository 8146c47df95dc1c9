import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { getAppTokensOrThrow } from "./get-app-tokens-or-throw";
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
  // An admin may revoke in any application.
  const [token] = (await getAppTokensOrThrow({ appId, tokenIds: [tokenId], userId: actor.id, role: actor.role })).tokens;
  const { changed, notices } = await commitTokenChange({
    cause: "browser",
    tokens: { revoke: { grantId: token.grantId } },
    by: actor.email,
    actor: { appId, actorId: actor.id, actor: actor.email, ip },
    now,
  });

  return { revoked: changed.length, notices };
}
