import { randomUUID } from "node:crypto";
import type { Revocation, RevocationAudit, RevokedToken, RevokeSelector } from "./types";

export const TOKEN_COLUMNS = "id, hash, type, client_id, subscriber, grant_id, scope, created_at, expires_at, revoked_at";

export const SQL = {
  findClient:
    "SELECT c.id, c.kind, c.app_id, c.disabled_at, a.owner_id, a.access_token_ttl FROM clients c LEFT JOIN apps a ON a.id = c.app_id WHERE c.id = ?",
  findClientSecrets: "SELECT secret_hash, expires_at FROM client_secrets WHERE client_id = ? AND revoked_at IS NULL",
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
