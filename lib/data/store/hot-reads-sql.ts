import { asTokenFormat } from "@/lib/base/token-format.shared";
import type { RawCatalogScope, RawClientRow, RawCode, RawToken, RawTokenForApi } from "./rows";
import type { AuthorizationCodeRow, CatalogScope, ClientAuthRow, DriverStore, TokenForApiRow } from "./types";

// The key manager's hot reads, the same text on both engines, and what the rows become.

export type HotReads = Pick<
  DriverStore,
  "findClient" | "findTokenByHash" | "findTokenForApi" | "findCode" | "listScopeNames" | "listScopesFor" | "getSettings"
>;

/** A token's client enabled, its application not deleted, and the person it was issued for (if any) not suspended: 1, else 0. */
const USABLE = "CASE WHEN c.disabled_at IS NULL AND a.deleted_at IS NULL AND u.suspended_at IS NULL THEN 1 ELSE 0 END";

export const HOT_READS = {
  // One statement: the client, its application's owner and lifetime, and one row per live secret.
  findClient: `SELECT c.id, c.kind, c.app_id, c.disabled_at, a.deleted_at AS app_deleted_at, a.owner_id, a.access_token_ttl,
      a.refresh_token_ttl, a.public_client, a.grant_types, a.allowed_scopes, a.token_format, u.suspended_at AS owner_suspended_at,
      s.secret_hash, s.expires_at AS secret_expires_at
    FROM clients c LEFT JOIN apps a ON a.id = c.app_id LEFT JOIN users u ON u.id = a.owner_id
      LEFT JOIN client_secrets s ON s.client_id = c.id AND s.revoked_at IS NULL
    WHERE c.id = ?`,
  // With whether it may still be used (its client enabled, its application not deleted, the person it was issued for not
  // suspended): a token row left active by any path is refused all the same. The person's row is one more join by primary key.
  findTokenByHash: `SELECT t.id, t.hash, t.type, t.client_id, t.subscriber, t.grant_id, t.scope, t.created_at, t.expires_at, t.revoked_at,
      t.revoked_reason, t.user_id, ${USABLE} AS usable
    FROM tokens t JOIN clients c ON c.id = t.client_id LEFT JOIN apps a ON a.id = c.app_id LEFT JOIN users u ON u.id = t.user_id
    WHERE t.hash = ?`,
  // The same lookup by hash, with the API found by its unique (context, version) and the application's
  // subscription by its unique (app, API): still one statement over indexes, whatever the table sizes.
  findTokenForApi: `SELECT t.id, t.hash, t.type, t.client_id, t.subscriber, t.grant_id, t.scope, t.created_at, t.expires_at, t.revoked_at,
      t.revoked_reason, t.user_id, ${USABLE} AS usable, a.id AS app_id, a.name AS app_name, a.owner_id, p.name AS api_name, p.status AS api_status,
      s.status AS subscription_status, ti.name AS tier_name, ti.requests_per_minute, ti.daily_quota,
      COALESCE(p.backend_jwt, (SELECT value = 'true' FROM settings WHERE key = 'backend_jwt'), false) AS backend_jwt
    FROM tokens t JOIN clients c ON c.id = t.client_id LEFT JOIN apps a ON a.id = c.app_id LEFT JOIN users u ON u.id = t.user_id
      LEFT JOIN apis p ON p.context = ? AND p.version = ?
      LEFT JOIN subscriptions s ON s.app_id = a.id AND s.api_id = p.id
      LEFT JOIN tiers ti ON ti.id = s.tier_id
    WHERE t.hash = ?`,
  // With whether the person who approved it has been suspended since (a code left unredeemed by any path is refused).
  findCode: `SELECT k.hash, k.client_id, k.user_id, k.redirect_uri, k.code_challenge, k.scope, k.grant_id, k.expires_at, k.used_at,
      CASE WHEN u.suspended_at IS NULL THEN 0 ELSE 1 END AS user_suspended
    FROM authorization_codes k LEFT JOIN users u ON u.id = k.user_id WHERE k.hash = ?`,
  listScopeNames: "SELECT name FROM scopes ORDER BY name",
  // Read only when a request names scopes: the catalog is small, and its privileged rows joined to this application's grants.
  listScopesFor: `SELECT s.name, s.privileged, g.app_id AS granted_to FROM scopes s
    LEFT JOIN app_scopes g ON g.scope_name = s.name AND g.app_id = ? ORDER BY s.name`,
  getSettings: "SELECT key, value FROM settings WHERE key NOT LIKE 'internal.%'",
};

/** The rows of HOT_READS.findClient → one client with its live secrets (none found → null). */
export function toClientAuth(rows: RawClientRow[]): ClientAuthRow | null {
  const [first] = rows;
  if (!first) return null;

  return {
    id: first.id,
    kind: first.kind,
    appId: first.app_id,
    ownerId: first.owner_id,
    appAccessTokenTtl: first.access_token_ttl,
    appRefreshTokenTtl: first.refresh_token_ttl,
    publicClient: first.public_client === true || Number(first.public_client) === 1,
    grantTypes: (first.grant_types ?? "").split(" ").filter(Boolean),
    allowedScopes: first.allowed_scopes === null ? null : first.allowed_scopes.split(" ").filter(Boolean),
    tokenFormat: asTokenFormat(first.token_format),
    disabled: first.disabled_at !== null || first.app_deleted_at !== null || first.owner_suspended_at !== null,
    secrets: rows.flatMap((r) => (r.secret_hash ? [{ secretHash: r.secret_hash, expiresAt: r.secret_expires_at }] : [])),
  };
}

export const toToken = (r: RawToken) => ({
  id: r.id,
  hash: r.hash,
  type: r.type,
  clientId: r.client_id,
  subscriber: r.subscriber,
  grantId: r.grant_id,
  scope: r.scope,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  revokedReason: r.revoked_reason,
  userId: r.user_id,
  usable: Number(r.usable) === 1,
});

export const toTokenForApi = (r: RawTokenForApi): TokenForApiRow => ({
  ...toToken(r),
  appId: r.app_id,
  appName: r.app_name,
  ownerId: r.owner_id,
  api:
    r.api_name !== null && r.api_status !== null
      ? { name: r.api_name, status: r.api_status, backendJwt: r.backend_jwt === true || Number(r.backend_jwt) === 1 }
      : null,
  subscription:
    r.subscription_status !== null && r.tier_name !== null && r.requests_per_minute !== null
      ? {
          status: r.subscription_status,
          tierName: r.tier_name,
          requestsPerMinute: Number(r.requests_per_minute),
          dailyQuota: r.daily_quota === null ? null : Number(r.daily_quota),
        }
      : null,
});

export const toCode = (r: RawCode): AuthorizationCodeRow => ({
  hash: r.hash,
  clientId: r.client_id,
  userId: r.user_id,
  redirectUri: r.redirect_uri,
  codeChallenge: r.code_challenge,
  scope: r.scope,
  grantId: r.grant_id,
  expiresAt: Number(r.expires_at),
  usedAt: r.used_at === null ? null : Number(r.used_at),
  userSuspended: Number(r.user_suspended) === 1,
});

export const toCatalogScope = (r: RawCatalogScope): CatalogScope => ({
  name: r.name,
  privileged: r.privileged === true || Number(r.privileged) === 1,
  granted: r.granted_to !== null,
});
