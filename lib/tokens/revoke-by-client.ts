import { hashToken } from "@/lib/base/hash-token";
import type { ClientAuthRow, TokenChangeResult } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { clientActor } from "@/lib/engine/identity/actor.shared";

type RevokeByClientOptions = { client: ClientAuthRow; token: string; ip?: string | null };

/**
 * RFC 7009 §2.1: revokes the token and the rest of its grant (access and refresh tokens together).
 * Unknown, expired, already revoked or another client's tokens change nothing and are not reported,
 * so the endpoint is no oracle for token existence.
 */
export async function revokeByClient({ client, token, ip }: RevokeByClientOptions): Promise<TokenChangeResult> {
  // One statement finds the token and revokes its grant: no read before the transaction (a round trip and
  // a pool connection per request under load), and nothing changes for another client's or a revoked token.
  return commitTokenChange({
    cause: "revocation_endpoint",
    tokens: { revoke: { grantOf: { hash: hashToken(token), clientId: client.id } } },
    by: `client:${client.id}`,
    actor: clientActor(client.id, ip ?? null),
    appId: client.appId,
  });
}
