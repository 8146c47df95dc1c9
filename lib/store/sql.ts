import type { TokenChangeCause } from "@/lib/tokens/change-causes";
import { randomUUID } from "node:crypto";
import type { AuditRow, CauseEffect, ClientAuthRow, TokenSelector } from "./types";

export const TOKEN_COLUMNS = "id, hash, type, client_id, subscriber, grant_id, scope, created_at, expires_at, revoked_at";

export const SQL = {
  // One statement: the client, its application's owner and lifetime, and one row per live secret.
  findClient: `SELECT c.id, c.kind, c.app_id, c.disabled_at, a.deleted_at AS app_deleted_at, a.owner_id, a.access_token_ttl,
      s.secret_hash, s.expires_at AS secret_expires_at
    FROM clients c LEFT JOIN apps a ON a.id = c.app_id LEFT JOIN client_secrets s ON s.client_id = c.id AND s.revoked_at IS NULL
    WHERE c.id = ?`,
  // With whether its client may still hold tokens: a token row left active by any path is refused all the same.
  findTokenByHash: `SELECT t.id, t.hash, t.type, t.client_id, t.subscriber, t.grant_id, t.scope, t.created_at, t.expires_at, t.revoked_at,
      CASE WHEN c.disabled_at IS NULL AND a.deleted_at IS NULL THEN 1 ELSE 0 END AS client_usable
    FROM tokens t JOIN clients c ON c.id = t.client_id LEFT JOIN apps a ON a.id = c.app_id WHERE t.hash = ?`,
  getSettings: "SELECT key, value FROM settings WHERE key NOT LIKE 'internal.%'",
  insertAudit: "INSERT INTO audit_events (id, app_id, actor_id, actor, action, detail, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  insertToken: `INSERT INTO tokens (${TOKEN_COLUMNS}, prefix, last4) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
};

const CHANGED = "RETURNING id, hash, type, client_id, expires_at";

type Statement = { sql: string; params: unknown[] };
/** Encodes a timestamp for the engine: epoch ms on SQLite, UTC text on PostgreSQL. */
type Time = (ms: number) => unknown;
/** Expands a list parameter: `?, ?, ?` on SQLite, `ANY(?)` with an array on PostgreSQL. */
type InList = (values: string[]) => Statement;

/** The UPDATE that revokes a selector's tokens not yet revoked, recording when, who and the cause. */
export function revokeStatement(
  selector: TokenSelector,
  at: number,
  by: string,
  cause: TokenChangeCause,
  time: Time,
  inList: InList,
): Statement {
  const head = "UPDATE tokens SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE revoked_at IS NULL AND";
  const set = [time(at), by, cause];
  if ("tokenId" in selector) return { sql: `${head} id = ? ${CHANGED}`, params: [...set, selector.tokenId] };
  if ("tokenIds" in selector) {
    const ids = inList(selector.tokenIds);
    return { sql: `${head} id ${ids.sql} ${CHANGED}`, params: [...set, ...ids.params] };
  }
  if ("grantId" in selector) return { sql: `${head} grant_id = ? ${CHANGED}`, params: [...set, selector.grantId] };
  const where = ["client_id = ?"];
  const params: unknown[] = [...set, selector.clientId];
  if (selector.type) {
    where.push("type = ?");
    params.push(selector.type);
  }
  if (selector.activeAt !== undefined) {
    where.push("expires_at > ?");
    params.push(time(selector.activeAt));
  }

  return { sql: `${head} ${where.join(" AND ")} ${CHANGED}`, params };
}

/**
 * Caps the expiry of active tokens of a type at created + maxTtl (never before now). `capped` is
 * the engine's expression for created_at + a millisecond count, `latest` its two-argument max,
 * `timeParam` a timestamp placeholder it can compare.
 */
export function shortenStatement(
  type: string,
  maxTtlMs: number,
  now: number,
  time: Time,
  engine: { capped: string; latest: string; timeParam: string },
): Statement {
  return {
    sql: `UPDATE tokens SET expires_at = ${engine.latest}(${engine.timeParam}, ${engine.capped})
      WHERE type = ? AND revoked_at IS NULL AND expires_at > ? AND expires_at > ${engine.capped} ${CHANGED}`,
    params: [time(now), maxTtlMs, type, time(now), maxTtlMs],
  };
}

/** The statements of a cause's own state change. */
export function effectStatements(effect: CauseEffect, at: number, time: Time): Statement[] {
  const t = time(at);
  switch (effect.kind) {
    case "delete_app":
      return [
        { sql: "UPDATE apps SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL", params: [t, t, effect.appId] },
        { sql: "UPDATE clients SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL", params: [t, effect.clientId] },
        { sql: "UPDATE client_secrets SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL", params: [t, effect.clientId] },
      ];
    case "replace_client_secrets":
      return [
        { sql: "UPDATE client_secrets SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL", params: [t, effect.clientId] },
        {
          sql: "INSERT INTO client_secrets (id, client_id, secret_hash, last4, created_at) VALUES (?, ?, ?, ?, ?)",
          params: [randomUUID(), effect.clientId, effect.secret.secretHash, effect.secret.last4, t],
        },
      ];
    case "issue_token": {
      const k = effect.token;
      const row = [k.id, k.hash, k.type, k.clientId, k.subscriber, k.grantId, k.scope, time(k.createdAt), time(k.expiresAt), null];
      return [{ sql: SQL.insertToken, params: [...row, k.prefix, k.last4] }];
    }
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
    disabled: first.disabled_at !== null || first.app_deleted_at !== null,
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
  clientUsable: Number(r.client_usable) === 1,
});

export type RawChanged = { id: string; hash: string; type: "access_token" | "refresh_token"; client_id: string; expires_at: number };
export const toChanged = (r: RawChanged) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at });

/** `?` placeholders → PostgreSQL's `$1, $2, …`. Our statements hold no literal question marks. */
export const numbered = (sql: string) => {
  let n = 0;

  return sql.replace(/\?/g, () => `$${++n}`);
};
