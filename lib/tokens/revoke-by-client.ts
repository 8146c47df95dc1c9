import { hashToken } from "@/lib/base/hash-token";
import { store, type ClientAuthRow, type TokenChangeResult } from "@/lib/data/store";
import { commitTokenChange, NO_CHANGE } from "@/lib/engine/changes/commit-token-change";
import { clientActor } from "@/lib/engine/identity/actor.shared";

type RevokeByClientOptions = { client: ClientAuthRow; token: string; ip?: string | null };

/**
 * RFC 7009 §2.1: revokes the token and the rest of its grant (access and refresh tokens together).
 * Unknown, expired, already revoked or another client's tokens change nothing and are not reported,
 * so the endpoint is no oracle for token existence.
 */
export async function revokeByClient({ client, token, ip }: RevokeByClientOptions): Promise<TokenChangeResult> {
  const found = await store().findTokenByHash(hashToken(token));
  if (!found || found.clientId !== client.id || found.revokedAt !== null) return NO_CHANGE;

  return commitTokenChange({
    cause: "revocation_endpoint",
    tokens: { revoke: { grantId: found.grantId } },
    by: `client:${client.id}`,
    actor: clientActor(client.id, ip ?? null),
    appId: client.appId,
  });
}
