import { asTokenFormat } from "@/lib/base/token-format.shared";
import type { Dialect, Statement } from "./dialect";
import type {
  ApiStatus,
  AuditRow,
  AuthorizationCodeRow,
  ClientAuthRow,
  NewToken,
  SubscriptionEffect,
  SubscriptionStatus,
  TokenForApiRow,
} from "./types";

export const TOKEN_COLUMNS = "id, hash, type, client_id, subscriber, grant_id, scope, created_at, expires_at, revoked_at";

export const SQL = {
  // One statement: the client, its application's owner and lifetime, and one row per live secret.
  findClient: `SELECT c.id, c.kind, c.app_id, c.disabled_at, a.deleted_at AS app_deleted_at, a.owner_id, a.access_token_ttl,
      a.refresh_token_ttl, a.public_client, a.grant_types, a.allowed_scopes, a.token_format, u.suspended_at AS owner_suspended_at,
      s.secret_hash, s.expires_at AS secret_expires_at
    FROM clients c LEFT JOIN apps a ON a.id = c.app_id LEFT JOIN users u ON u.id = a.owner_id
      LEFT JOIN client_secrets s ON s.client_id = c.id AND s.revoked_at IS NULL
    WHERE c.id = ?`,
  // With whether its client may still hold tokens: a token row left active by any path is refused all the same.
  findTokenByHash: `SELECT t.id, t.hash, t.type, t.client_id, t.subscriber, t.grant_id, t.scope, t.created_at, t.expires_at, t.revoked_at,
      t.revoked_reason, t.user_id, CASE WHEN c.disabled_at IS NULL AND a.deleted_at IS NULL THEN 1 ELSE 0 END AS client_usable
    FROM tokens t JOIN clients c ON c.id = t.client_id LEFT JOIN apps a ON a.id = c.app_id WHERE t.hash = ?`,
  // The same lookup by hash, with the API found by its unique (context, version) and the application's
  // subscription by its unique (app, API): still one statement over indexes, whatever the table sizes.
  findTokenForApi: `SELECT t.id, t.hash, t.type, t.client_id, t.subscriber, t.grant_id, t.scope, t.created_at, t.expires_at, t.revoked_at,
      t.revoked_reason, t.user_id, CASE WHEN c.disabled_at IS NULL AND a.deleted_at IS NULL THEN 1 ELSE 0 END AS client_usable,
      a.id AS app_id, a.name AS app_name, a.owner_id, p.name AS api_name, p.status AS api_status,
      s.status AS subscription_status, ti.name AS tier_name, ti.requests_per_minute, ti.daily_quota,
      COALESCE(p.backend_jwt, (SELECT value = 'true' FROM settings WHERE key = 'backend_jwt'), false) AS backend_jwt
    FROM tokens t JOIN clients c ON c.id = t.client_id LEFT JOIN apps a ON a.id = c.app_id
      LEFT JOIN apis p ON p.context = ? AND p.version = ?
      LEFT JOIN subscriptions s ON s.app_id = a.id AND s.api_id = p.id
      LEFT JOIN tiers ti ON ti.id = s.tier_id
    WHERE t.hash = ?`,
  listScopeNames: "SELECT name FROM scopes ORDER BY name",
  getSettings: "SELECT key, value FROM settings WHERE key NOT LIKE 'internal.%'",
  insertAudit: "INSERT INTO audit_events (id, app_id, actor_id, actor, action, detail, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  insertToken: `INSERT INTO tokens (${TOKEN_COLUMNS}, prefix, last4, user_id, issued_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  findCode: `SELECT hash, client_id, user_id, redirect_uri, code_challenge, scope, grant_id, expires_at, used_at
    FROM authorization_codes WHERE hash = ?`,
  redeemCode: "UPDATE authorization_codes SET used_at = ? WHERE hash = ? AND used_at IS NULL",
  // Last use, at most one write a minute per row (lib/engine/usage): an older time never overwrites a newer one.
  touchToken: "UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
  touchSecret: "UPDATE client_secrets SET last_used_at = ? WHERE secret_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)",
  countIntrospections: `INSERT INTO introspection_counts (day, client_id, count) VALUES (?, ?, ?)
    ON CONFLICT (day, client_id) DO UPDATE SET count = introspection_counts.count + excluded.count`,
};

/** What a token statement of a change (lib/engine/changes) returns for each token it changed: read by toChanged. */
export const RETURNING_CHANGED = "RETURNING id, hash, type, client_id, expires_at";

type Time = Dialect["time"];

/** A new token's values in the order of SQL.insertToken's columns. */
export const tokenParams = (t: NewToken, time: Time) => [
  t.id,
  t.hash,
  t.type,
  t.clientId,
  t.subscriber,
  t.grantId,
  t.scope,
  time(t.createdAt),
  time(t.expiresAt),
  t.revokedAt === null ? null : time(t.revokedAt),
  t.prefix,
  t.last4,
  t.userId ?? null,
  t.issuedFrom ?? null,
];

export const insertTokenStatement = (t: NewToken, time: Time): Statement => ({ sql: SQL.insertToken, params: tokenParams(t, time) });

/** The statements of a subscription change (lib/data/store/types.ts SubscriptionEffect). */
export function subscriptionStatements(effect: SubscriptionEffect, at: number, time: Time): Statement {
  const t = time(at);
  switch (effect.kind) {
    case "upsert_subscription": {
      const e = effect;
      if (e.isNew)
        return {
          sql: `INSERT INTO subscriptions (id, app_id, api_id, tier_id, requested_tier_id, status, reason, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          params: [e.subscriptionId, e.appId, e.apiId, e.tierId, e.requestedTierId, e.status, e.reason, t, t],
        };

      return {
        sql: "UPDATE subscriptions SET tier_id = ?, requested_tier_id = ?, status = ?, reason = ?, updated_at = ? WHERE id = ?",
        params: [e.tierId, e.requestedTierId, e.status, e.reason, t, e.subscriptionId],
      };
    }
    case "delete_subscription":
      return { sql: "DELETE FROM subscriptions WHERE id = ?", params: [effect.subscriptionId] };
    case "set_api_status":
      return { sql: "UPDATE apis SET status = ?, updated_at = ? WHERE id = ?", params: [effect.status, t, effect.apiId] };
    case "set_api_backend_jwt": // a word, not a boolean: the engines bind booleans differently
      return {
        sql: "UPDATE apis SET backend_jwt = CASE ? WHEN 'on' THEN true WHEN 'off' THEN false ELSE NULL END, updated_at = ? WHERE id = ?",
        params: [effect.backendJwt, t, effect.apiId],
      };
    case "set_setting":
      return {
        sql: "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params: [effect.key, effect.value, t],
      };
  }
}

export const auditParams = (r: AuditRow, time: Time) => [r.id, r.appId, r.actorId, r.actor, r.action, r.detail, r.ip, time(r.createdAt)];

export type RawClientRow = {
  id: string;
  kind: "app" | "gateway";
  app_id: string | null;
  disabled_at: number | null;
  app_deleted_at: number | null;
  owner_id: string | null;
  access_token_ttl: number | null;
  refresh_token_ttl: number | null;
  public_client: number | boolean | null;
  grant_types: string | null;
  allowed_scopes: string | null;
  token_format: string | null;
  owner_suspended_at: number | null;
  secret_hash: string | null;
  secret_expires_at: number | null;
};

/** The rows of SQL.findClient → one client with its live secrets (none found → null). */
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

export type RawToken = {
  id: string;
  hash: string;
  type: "access_token" | "refresh_token";
  client_id: string;
  subscriber: string | null;
  grant_id: string;
  scope: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoked_reason: string | null;
  user_id: string | null;
  client_usable: number;
};

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
  clientUsable: Number(r.client_usable) === 1,
});

export type RawTokenForApi = RawToken & {
  app_id: string | null;
  app_name: string | null;
  owner_id: string | null;
  api_name: string | null;
  api_status: ApiStatus | null;
  subscription_status: SubscriptionStatus | null;
  tier_name: string | null;
  requests_per_minute: number | null;
  daily_quota: number | null;
  backend_jwt: number | boolean | null;
};

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

export type RawChanged = { id: string; hash: string; type: "access_token" | "refresh_token"; client_id: string; expires_at: number };
export const toChanged = (r: RawChanged) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at });

export type RawCode = {
  hash: string;
  client_id: string;
  user_id: string;
  redirect_uri: string;
  code_challenge: string;
  scope: string;
  grant_id: string;
  expires_at: number;
  used_at: number | null;
};
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
});

/** `?` placeholders → PostgreSQL's `$1, $2, …`. Our statements hold no literal question marks. */
export const numbered = (sql: string) => {
  let n = 0;

  return sql.replace(/\?/g, () => `$${++n}`);
};
