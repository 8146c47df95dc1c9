import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";
import { getAppTokensOrThrow } from "./get-app-tokens-or-throw";

type RevokeAppGrantOptions = { appId: string; tokenId: string; actor: Actor; now?: number };

/**
 * "Revoke" in the tokens list: the token and the rest of its grant. A token of another application
 * is `not_found`; one already revoked or expired is left as it is (revoking twice is not an error).
 */
export async function revokeAppGrant({
  appId,
  tokenId,
  actor,
  now = Date.now(),
}: RevokeAppGrantOptions): Promise<{ revoked: number; notices: QueuedNotices }> {
  const [token] = (await getAppTokensOrThrow({ appId, tokenIds: [tokenId], actor, may: "apps.revoke_tokens" })).tokens; // an admin may revoke in any application
  const { changed, notices } = await commitTokenChange({
    cause: "browser",
    tokens: { revoke: { grantId: token.grantId } },
    by: actorName(actor),
    actor,
    appId,
    now,
  });

  return { revoked: changed.length, notices };
}
