import { randomUUID } from "node:crypto";
import type { ClientAuthRow, Revocation, RevocationAudit, RevokedToken, RevokeSelector } from "./types";

export const TOKEN_COLUMNS = "id, hash, type, client_id, subscriber, grant_id, scope, created_at, expires_at, revoked_at";

export const SQL = {
  // One statement: the client, its application's owner and lifetime, and one row per live secret.
  findClient: `SELECT c.id, c.kind, c.app_id, c.disabled_at, a.owner_id, a.access_token_ttl, s.secret_hash, s.expires_at AS secret_expires_at
    FROM clients c LEFT JOIN apps a ON a.id = c.app_id LEFT JOIN client_secrets s ON s.client_id = c.id AND s.revoked_at IS NULL
    WHERE c.id = ?`,
  findTokenByHash: `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ?`,
  getSettings: "SELECT key, value FROM settings WHERE key NOT LIKE 'internal.%'",
  insertAudit: "INSERT INTO audit_events (id, app_id, actor_id, actor, action, detail, ip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  insertToken: `INSERT INTO tokens (${TOKEN_COLUMNS}, prefix, last4) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
};

const REVOKE = "UPDATE tokens SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE revoked_at IS NULL AND";
const RETURNING = "RETURNING id, hash, type, client_id, expires_at";

/** The UPDATE for a selector, with its parameters after the three SET values. `time` encodes a timestamp for the engine. */
export function revokeStatement(selector: RevokeSelector, time: (ms: number) => unknown): { sql: string; params: unknown[] } {
  if ("tokenId" in selector) return { sql: `${REVOKE} id = ? ${RETURNING}`, params: [selector.tokenId] };
  if ("grantId" in selector) return { sql: `${REVOKE} grant_id = ? ${RETURNING}`, params: [selector.grantId] };
  const where = ["client_id = ?"];
  const params: unknown[] = [selector.clientId];
  if (selector.type) {
    where.push("type = ?");
    params.push(selector.type);
  }
  if (selector.activeAt !== undefined) {
    where.push("expires_at > ?");
    params.push(time(selector.activeAt));
  }

  return { sql: `${REVOKE} ${where.join(" AND ")} ${RETURNING}`, params };
}

export type RawClientRow = {
  id: string;
  kind: "app" | "gateway";
  app_id: string | null;
  disabled_at: number | null;
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
    disabled: first.disabled_at !== null,
    secrets: rows.flatMap((r) => (r.secret_hash ? [{ secretHash: r.secret_hash, expiresAt: r.secret_expires_at }] : [])),
  };
}

/** The audit row for a revocation: who, why, and which tokens (ids only, never values). */
export function revocationAuditRow(revoked: RevokedToken[], { at, by, reason }: Revocation, audit: RevocationAudit) {
  const detail = JSON.stringify({ reason, count: revoked.length, tokenIds: revoked.map((t) => t.id) });

  return [randomUUID(), audit.appId, audit.actorId, by, "token.revoked", detail, audit.ip, at] as const;
}

/** `?` placeholders → PostgreSQL's `$1, $2, …`. Our statements hold no literal question marks. */
export const numbered = (sql: string) => {
  let n = 0;

  return sql.replace(/\?/g, () => `$${++n}`);
};
