import { hashToken, randomSecret, TOKEN_PREFIX } from "@/lib/base/hash-token";
import type { TokenFormat } from "@/lib/base/token-format.shared";
import { store, type NewToken } from "@/lib/data/store";
import { JWT_DISPLAY_PREFIX, signAccessTokenJwt } from "@/lib/engine/jwt/access-token-jwt";
import { accessTokenLifetime } from "@/lib/engine/settings/token-lifetime.shared";
import { readTokenPolicy } from "@/lib/settings/settings";
import { randomUUID } from "node:crypto";

export type IssueTokenOptions = {
  clientId: string;
  subscriber: string | null; // owner of the client's application
  scope?: string[];
  appTtl?: number | null; // the application's own lifetime (applies while the admin allows overrides)
  ttlSeconds?: number; // a shorter life than the allowed one, for this one token
  tokenFormat?: TokenFormat; // the application's choice; opaque by default
  now?: number;
};

export type IssuedToken = {
  tokenId: string;
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  expiresAt: Date;
  scope: string[];
};

/** A new access token under the current policy (client_credentials: one token per grant), not yet stored. */
export async function prepareAccessToken({
  clientId,
  subscriber,
  scope = [],
  appTtl,
  ttlSeconds,
  tokenFormat = "opaque",
  now = Date.now(),
}: IssueTokenOptions) {
  const expiresIn = accessTokenLifetime(await readTokenPolicy(), { appTtl, requested: ttlSeconds });
  const tokenId = randomUUID();
  const expiresAt = now + expiresIn * 1000;
  const { value: accessToken, prefix } = await accessTokenValue(tokenFormat, { tokenId, clientId, scope, createdAt: now, expiresAt });
  const row: NewToken = {
    id: tokenId,
    hash: hashToken(accessToken),
    prefix,
    last4: accessToken.slice(-4),
    type: "access_token",
    clientId,
    subscriber,
    grantId: tokenId,
    scope: scope.join(" "),
    createdAt: now,
    expiresAt,
    revokedAt: null,
  };
  const issued: IssuedToken = { tokenId, accessToken, tokenType: "Bearer", expiresIn, expiresAt: new Date(expiresAt), scope };

  return { row, issued };
}

/** An access token's string in the application's format, and what the tokens list shows before its last 4 characters. */
export async function accessTokenValue(
  format: TokenFormat,
  claims: Parameters<typeof signAccessTokenJwt>[0],
): Promise<{ value: string; prefix: string }> {
  if (format === "jwt") return { value: await signAccessTokenJwt(claims), prefix: JWT_DISPLAY_PREFIX };

  return { value: randomSecret(TOKEN_PREFIX.access_token), prefix: TOKEN_PREFIX.access_token };
}

/** Issues an access token. Only its hash is stored. */
export async function issueToken(options: IssueTokenOptions): Promise<IssuedToken> {
  const { row, issued } = await prepareAccessToken(options);
  await store().insertToken(row);

  return issued;
}
