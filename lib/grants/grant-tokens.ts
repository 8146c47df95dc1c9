import { hashToken, randomSecret, TOKEN_PREFIX } from "@/lib/base/hash-token";
import type { ClientAuthRow, NewToken, TokenType } from "@/lib/data/store";
import { accessTokenLifetime, refreshTokenLifetime } from "@/lib/engine/settings/token-lifetime.shared";
import { readTokenPolicy } from "@/lib/settings/settings";
import { accessTokenValue } from "@/lib/tokens/issue-token";
import { randomUUID } from "node:crypto";

type GrantTokensOptions = {
  client: ClientAuthRow;
  userId: string;
  scope: string[];
  grantId: string; // the family: every token one authorization (or password grant) leads to
  issuedFrom?: string; // the refresh token whose rotation issues these
  refreshExpiresAt?: number; // rotation keeps the family's expiry: using a refresh token never extends it
  now?: number;
};

/** RFC 6749 §5.1 success body. */
export type TokenResponse = { access_token: string; token_type: "Bearer"; expires_in: number; refresh_token?: string; scope?: string };

/**
 * An access token, and a refresh token when the application may use refresh tokens, for a person's
 * grant — not yet stored (the caller commits them with what they come from).
 */
export async function prepareGrantTokens({
  client,
  userId,
  scope,
  grantId,
  issuedFrom,
  refreshExpiresAt,
  now = Date.now(),
}: GrantTokensOptions) {
  const policy = await readTokenPolicy();
  const accessTtl = accessTokenLifetime(policy, { appTtl: client.appAccessTokenTtl });
  const make = async (type: TokenType, expiresAt: number) => {
    const id = randomUUID();
    const { value, prefix } =
      type === "access_token"
        ? await accessTokenValue(client.tokenFormat, { tokenId: id, clientId: client.id, userId, scope, createdAt: now, expiresAt })
        : { value: randomSecret(TOKEN_PREFIX[type]), prefix: TOKEN_PREFIX[type] }; // refresh tokens stay opaque
    const row: NewToken = {
      id,
      hash: hashToken(value),
      prefix,
      last4: value.slice(-4),
      type,
      clientId: client.id,
      subscriber: client.ownerId,
      grantId,
      scope: scope.join(" "),
      createdAt: now,
      expiresAt,
      revokedAt: null,
      userId,
      issuedFrom: issuedFrom ?? null,
    };

    return { value, row };
  };
  const access = await make("access_token", now + accessTtl * 1000);
  const refresh = client.grantTypes.includes("refresh_token")
    ? await make("refresh_token", refreshExpiresAt ?? now + refreshTokenLifetime(policy, { appTtl: client.appRefreshTokenTtl }) * 1000)
    : null;
  const response: TokenResponse = {
    access_token: access.value,
    token_type: "Bearer",
    expires_in: accessTtl,
    ...(refresh ? { refresh_token: refresh.value } : {}),
    ...(scope.length ? { scope: scope.join(" ") } : {}),
  };

  return { rows: refresh ? [access.row, refresh.row] : [access.row], response };
}
