import type { ClientAuthRow } from "@/lib/store";
import { store } from "@/lib/store";
import { hashToken } from "./hash-token";
import { revokeTokens } from "./revoke-tokens";

type RevokeTokenOptions = { client: ClientAuthRow; token: string; ip?: string | null };

/**
 * RFC 7009 §2.1: revokes the token and the rest of its grant (access and refresh tokens together).
 * Unknown, expired, already revoked or another client's tokens change nothing and are not reported,
 * so the endpoint is no oracle for token existence.
 */
export async function revokeToken({ client, token, ip }: RevokeTokenOptions): Promise<void> {
  const found = await store().findTokenByHash(hashToken(token));
  if (!found || found.clientId !== client.id || found.revokedAt !== null) return;
  await revokeTokens({
    selector: { grantId: found.grantId },
    reason: "revocation_endpoint",
    by: `client:${client.id}`,
    audit: { appId: client.appId, ip },
  });
}
