import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { revokeTokens } from "@/lib/tokens/revoke-tokens";
import { getAppOrThrow } from "./get-app-or-throw";
import type { Actor } from "./schemas";

type RevokeAppTokenOptions = { appId: string; tokenId: string; actor: Actor; ip?: string | null; now?: number };

/**
 * "Revoke" in the tokens list: the token and the rest of its grant. A token of another application
 * is `not_found`; one already revoked or expired is left as it is (revoking twice is not an error).
 */
export async function revokeAppToken({ appId, tokenId, actor, ip, now = Date.now() }: RevokeAppTokenOptions): Promise<{ revoked: number }> {
  const { clientId } = await getAppOrThrow({ appId, userId: actor.id });
  const token = await db.token.findFirst({ where: { id: tokenId, clientId }, select: { grantId: true } });
  if (!token) throw new AppError("not_found", "Token not found.");
  const revoked = await revokeTokens({
    selector: { grantId: token.grantId },
    reason: "browser",
    by: actor.email,
    audit: { appId, actorId: actor.id, ip },
    now,
  });

  return { revoked: revoked.length };
}
