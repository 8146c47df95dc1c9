import { hashToken, randomSecret, TOKEN_PREFIX } from "@/lib/base/hash-token";
import type { TokenFormat } from "@/lib/base/token-format.shared";
import type { NewToken, TokenSource, TokenType } from "@/lib/data/store";
import { JWT_DISPLAY_PREFIX, signAccessTokenJwt } from "@/lib/engine/jwt/access-token-jwt";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";
import { accessTokenLifetime, refreshTokenLifetime } from "@/lib/engine/settings/token-lifetime.shared";
import { randomUUID } from "node:crypto";

/** What the builder needs of the client: whose it is and what its application chose. */
export type TokenClient = {
  id: string;
  ownerId: string | null;
  appAccessTokenTtl?: number | null; // the application's own lifetimes (apply while the admin allows overrides)
  appRefreshTokenTtl?: number | null;
  tokenFormat?: TokenFormat; // opaque by default
};

export type BuildTokensOptions = {
  client: TokenClient;
  scope?: string[];
  userId?: string | null; // the person who authorized them (code and password grants)
  grantId?: string; // the family; without one the access token is a grant of its own (client_credentials)
  refresh?: boolean; // a refresh token too
  refreshExpiresAt?: number; // rotation keeps the family's expiry: using a refresh token never extends it
  issuedFrom?: string; // the refresh token whose rotation issues these
  ttlSeconds?: number; // a shorter access-token life than the allowed one, for this one token
  source?: TokenSource;
  note?: string | null;
  now?: number;
};

/** A token's value, shown once, and its row, which holds only the hash. */
export type BuiltToken = { value: string; row: NewToken };
export type BuiltTokens = { access: BuiltToken; refresh: BuiltToken | null; expiresIn: number; rows: NewToken[] };

/**
 * The one place a token is made: an access token (opaque `pcl_at_` or an RFC 9068 JWT, as the
 * application chose) and, when asked, an opaque `pcl_rt_` refresh token, with lifetimes from the
 * current policy and the application, not yet stored (the caller commits them with what they come from).
 * A refused lifetime throws here, before anything is written.
 */
export async function buildTokens({
  client,
  scope = [],
  userId = null,
  grantId,
  refresh = false,
  refreshExpiresAt,
  issuedFrom,
  ttlSeconds,
  source = "token_endpoint",
  note = null,
  now = Date.now(),
}: BuildTokensOptions): Promise<BuiltTokens> {
  const policy = await readTokenPolicy();
  const expiresIn = accessTokenLifetime(policy, { appTtl: client.appAccessTokenTtl, requested: ttlSeconds });
  const accessId = randomUUID();
  const row = (id: string, type: TokenType, value: string, prefix: string, expiresAt: number): NewToken => ({
    id,
    hash: hashToken(value),
    prefix,
    last4: value.slice(-4),
    type,
    clientId: client.id,
    subscriber: client.ownerId,
    grantId: grantId ?? accessId,
    scope: scope.join(" "),
    createdAt: now,
    expiresAt,
    revokedAt: null,
    userId,
    issuedFrom: issuedFrom ?? null,
    source,
    note,
  });

  const accessExpiresAt = now + expiresIn * 1000;
  const value =
    client.tokenFormat === "jwt"
      ? await signAccessTokenJwt({ tokenId: accessId, clientId: client.id, userId, scope, createdAt: now, expiresAt: accessExpiresAt })
      : randomSecret(TOKEN_PREFIX.access_token);
  const prefix = client.tokenFormat === "jwt" ? JWT_DISPLAY_PREFIX : TOKEN_PREFIX.access_token;
  const access = { value, row: row(accessId, "access_token", value, prefix, accessExpiresAt) };
  if (!refresh) return { access, refresh: null, expiresIn, rows: [access.row] };

  const refreshValue = randomSecret(TOKEN_PREFIX.refresh_token); // refresh tokens stay opaque
  const refreshAt = refreshExpiresAt ?? now + refreshTokenLifetime(policy, { appTtl: client.appRefreshTokenTtl }) * 1000;
  const built = { value: refreshValue, row: row(randomUUID(), "refresh_token", refreshValue, TOKEN_PREFIX.refresh_token, refreshAt) };

  return { access, refresh: built, expiresIn, rows: [access.row, built.row] };
}
