import { randomUUID } from "node:crypto";
import type { InList, ShortenEngine, Statement, Time } from "./dialect";
import { insertTokenStatement } from "./issuance-sql";
import type { RawChanged } from "./rows";
import type { CauseEffect, TokenChange, TokenSelector } from "./types";

// The statements of a token change (TokenChange): which tokens it revokes, re-approves or
// shortens, and its cause's own state change. Both engines run them (sqlite/ and postgres/
// token-changes.ts).

const CHANGED = "RETURNING id, hash, type, client_id, expires_at";

/** The WHERE clause (without leading AND) that picks a selector's tokens. */
function selectorWhere(selector: TokenSelector, time: Time, inList: InList): Statement {
  if ("tokenId" in selector) return { sql: "id = ?", params: [selector.tokenId] };
  if ("tokenIds" in selector) return { sql: `id ${inList(selector.tokenIds).sql}`, params: inList(selector.tokenIds).params };
  if ("grantId" in selector) return { sql: "grant_id = ?", params: [selector.grantId] };
  if ("issuedFrom" in selector) return { sql: "issued_from = ?", params: [selector.issuedFrom] };
  if ("userId" in selector) return { sql: "client_id = ? AND user_id = ?", params: [selector.clientId, selector.userId] };
  const where =
    "ownerId" in selector
      ? ["client_id IN (SELECT c.id FROM clients c JOIN apps a ON a.id = c.app_id WHERE a.owner_id = ?)"]
      : ["client_id = ?"];
  const params: unknown[] = ["ownerId" in selector ? selector.ownerId : selector.clientId];
  if ("type" in selector && selector.type) {
    where.push("type = ?");
    params.push(selector.type);
  }
  if (selector.activeAt !== undefined) {
    where.push("expires_at > ?");
    params.push(time(selector.activeAt));
  }

  return { sql: where.join(" AND "), params };
}

/** The UPDATE that revokes a selector's tokens not yet revoked, recording when, who and the cause. */
export function revokeStatement(selector: TokenSelector, at: number, by: string, cause: string, time: Time, inList: InList): Statement {
  const where = selectorWhere(selector, time, inList);

  return {
    sql: `UPDATE tokens SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE revoked_at IS NULL AND ${where.sql} ${CHANGED}`,
    params: [time(at), by, cause, ...where.params],
  };
}

/** Causes whose tokens an admin cannot bring back: a rotated refresh token stays used, or reuse detection would lose its evidence. */
export const NOT_REAPPROVABLE: string[] = ["refresh_rotated", "refresh_retried"];

/** Re-approval (Apigee ValidateToken): a selector's revoked tokens that have not expired become valid again. */
export function reapproveStatement(selector: TokenSelector, at: number, time: Time, inList: InList): Statement {
  const where = selectorWhere(selector, time, inList);

  return {
    sql: `UPDATE tokens SET revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL
      WHERE revoked_at IS NOT NULL AND expires_at > ? AND revoked_reason NOT IN ('${NOT_REAPPROVABLE.join("', '")}') AND ${where.sql} ${CHANGED}`,
    params: [time(at), ...where.params],
  };
}

/**
 * Caps the expiry of active tokens of a type at created + maxTtl (never before now). `capped` is
 * the engine's expression for created_at + a millisecond count, `latest` its two-argument max,
 * `timeParam` a timestamp placeholder it can compare.
 */
export function shortenStatement(type: string, maxTtlMs: number, now: number, time: Time, engine: ShortenEngine): Statement {
  return {
    sql: `UPDATE tokens SET expires_at = ${engine.latest}(${engine.timeParam}, ${engine.capped})
      WHERE type = ? AND revoked_at IS NULL AND expires_at > ? AND expires_at > ${engine.capped} ${CHANGED}`,
    params: [time(now), maxTtlMs, type, time(now), maxTtlMs],
  };
}

/** The token statement of a change, and the notice type its changed tokens are announced with. */
export function tokenStatement(change: TokenChange, time: Time, inList: InList, engine: ShortenEngine) {
  const t = change.tokens;
  if ("revoke" in t)
    return { ...revokeStatement(t.revoke, change.at, change.by, change.cause, time, inList), notice: "token.revoked" as const };
  if ("reapprove" in t) return { ...reapproveStatement(t.reapprove, change.at, time, inList), notice: "token.updated" as const };

  return { ...shortenStatement(t.shorten.type, t.shorten.maxTtlMs, change.at, time, engine), notice: "token.updated" as const };
}

/** The effect's statements, unless it only applies when the token statement changed something and it did not. */
export const effectFor = (change: TokenChange, changedCount: number, time: Time): Statement[] =>
  !change.effect || (change.effect.kind === "issue_tokens" && change.effect.onlyIfChanged && changedCount === 0)
    ? []
    : effectStatements(change.effect, change.at, time);

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
    case "issue_token":
      return [insertTokenStatement(effect.token, time)];
    case "issue_tokens": {
      // A retried refresh token is marked so that it is accepted once, never twice.
      const retried = effect.retriedFrom
        ? [{ sql: "UPDATE tokens SET revoked_reason = 'refresh_retried' WHERE id = ?", params: [effect.retriedFrom] }]
        : [];
      return [...retried, ...effect.tokens.map((k) => insertTokenStatement(k, time))];
    }
    case "delete_grant":
      return [{ sql: "DELETE FROM grants WHERE user_id = ? AND client_id = ?", params: [effect.userId, effect.clientId] }];
    case "suspend_user":
      return [
        { sql: "UPDATE users SET suspended_at = ? WHERE id = ? AND suspended_at IS NULL", params: [t, effect.userId] },
        { sql: "DELETE FROM sessions WHERE user_id = ?", params: [effect.userId] },
      ];
  }
}

export const toChanged = (r: RawChanged) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at });
