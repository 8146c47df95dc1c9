import { PASSWORD_FAMILY_PREFIX } from "@/lib/base/hash-token";
import type { Dialect, KeyedRevocation, Statement, TokenChange, TokenType } from "@/lib/data/store";
import { RETURNING_CHANGED } from "@/lib/data/store/token-change-sql";
import { NOT_REAPPROVABLE, type TokenChangeCause } from "./causes.shared";

/** Which tokens a revocation or re-approval covers. A revocation touches only tokens not yet revoked. */
export type TokenSelector =
  | { tokenId: string }
  | { tokenIds: string[] }
  | { grantId: string }
  | { grantOf: { hash: string; clientId: string } } // the grant of the client's token with this hash, unless that token is revoked
  | { clientId: string; type?: TokenType; activeAt?: number }
  | { clientId: string; userId: string } // a person's grant to an application: every family it holds
  | { issuedFrom: string; whileUnused?: true } // what one use of a refresh token issued (a retry: only while its refresh token is unused)
  | { personId: string; activeAt?: number } // every token issued for the person, in any client, and every token of their applications' clients
  | { heldFor: string; passwordGrants?: true }; // every token applications hold for the person (only the families password grants began)

/** What a change does to tokens, by its cause's `change` column. */
export type TokensChange = { revoke: TokenSelector } | { shorten: { type: TokenType; maxTtlMs: number } } | { reapprove: TokenSelector };

/** The WHERE clause (without leading AND) that picks a selector's tokens. */
function selectorWhere(selector: TokenSelector, d: Dialect): Statement {
  if ("tokenId" in selector) return { sql: "id = ?", params: [selector.tokenId] };
  if ("tokenIds" in selector) {
    const list = d.inList(selector.tokenIds);
    return { sql: `id ${list.sql}`, params: list.params };
  }
  if ("grantId" in selector) return { sql: "grant_id = ?", params: [selector.grantId] };
  if ("grantOf" in selector) {
    const grant = "SELECT p.grant_id FROM tokens p WHERE p.hash = ? AND p.client_id = ? AND p.revoked_at IS NULL";
    return { sql: `grant_id = (${grant})`, params: [selector.grantOf.hash, selector.grantOf.clientId] };
  }
  if ("issuedFrom" in selector) {
    if (!selector.whileUnused) return { sql: "issued_from = ?", params: [selector.issuedFrom] };
    // Once that pair's refresh token was rotated, a retry would fork the family: nothing is selected, and the caller sees reuse.
    const used = "SELECT 1 FROM tokens used WHERE used.issued_from = ? AND used.type = 'refresh_token' AND used.revoked_at IS NOT NULL";
    return { sql: `issued_from = ? AND NOT EXISTS (${used})`, params: [selector.issuedFrom, selector.issuedFrom] };
  }
  if ("userId" in selector) return { sql: "client_id = ? AND user_id = ?", params: [selector.clientId, selector.userId] };
  if ("heldFor" in selector) {
    if (!selector.passwordGrants) return { sql: "user_id = ?", params: [selector.heldFor] };
    const prefix = PASSWORD_FAMILY_PREFIX.length;
    return { sql: `user_id = ? AND substr(grant_id, 1, ${prefix}) = ?`, params: [selector.heldFor, PASSWORD_FAMILY_PREFIX] };
  }
  // A person's: two indexed picks (tokens by user_id; their applications' clients), so neither engine scans the table for an OR.
  const held =
    "SELECT id FROM tokens WHERE user_id = ? UNION ALL " +
    "SELECT t.id FROM tokens t JOIN clients c ON c.id = t.client_id JOIN apps a ON a.id = c.app_id WHERE a.owner_id = ?";
  const where = "personId" in selector ? [`id IN (${held})`] : ["client_id = ?"];
  const params: unknown[] = "personId" in selector ? [selector.personId, selector.personId] : [selector.clientId];
  if ("type" in selector && selector.type) {
    where.push("type = ?");
    params.push(selector.type);
  }
  if (selector.activeAt !== undefined) {
    where.push("expires_at > ?");
    params.push(d.time(selector.activeAt));
  }

  return { sql: where.join(" AND "), params };
}

/** Revokes a selector's tokens not yet revoked, recording when, who and the cause. */
function revokeStatement(selector: TokenSelector, cause: TokenChangeCause, at: number, by: string, d: Dialect) {
  const where = selectorWhere(selector, d);
  const statement: Statement = {
    sql: `UPDATE tokens SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE revoked_at IS NULL AND ${where.sql} ${RETURNING_CHANGED}`,
    params: [d.time(at), by, cause, ...where.params],
  };

  return { ...statement, keyed: keyedRevocation(selector, cause, by) };
}

/** A revocation of one token or one grant, which a store may merge with others of its batch (KeyedRevocation). */
function keyedRevocation(selector: TokenSelector, cause: TokenChangeCause, by: string): KeyedRevocation | undefined {
  if ("tokenId" in selector) return { column: "id", key: selector.tokenId, by, reason: cause };
  if ("grantId" in selector) return { column: "grant_id", key: selector.grantId, by, reason: cause };
  if ("grantOf" in selector)
    return { column: "grant_of_hash", key: selector.grantOf.hash, clientId: selector.grantOf.clientId, by, reason: cause };

  return undefined;
}

// NOT_REAPPROVABLE as an SQL list of our own constants.
const notReapprovable = NOT_REAPPROVABLE.length ? ` AND revoked_reason NOT IN (${NOT_REAPPROVABLE.map((c) => `'${c}'`).join(", ")})` : "";

/** Re-approval (Apigee ValidateToken): a selector's revoked tokens that have not expired become valid again. */
function reapproveStatement(selector: TokenSelector, at: number, d: Dialect): Statement {
  const where = selectorWhere(selector, d);

  return {
    sql: `UPDATE tokens SET revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL
      WHERE revoked_at IS NOT NULL AND expires_at > ?${notReapprovable} AND ${where.sql} ${RETURNING_CHANGED}`,
    params: [d.time(at), ...where.params],
  };
}

/** Caps the expiry of active tokens of a type at created + maxTtl (never before now). */
function shortenStatement(type: TokenType, maxTtlMs: number, now: number, d: Dialect): Statement {
  const { capped, latest, timeParam } = d.shorten; // created_at + the ms count, the engine's max, a timestamp placeholder

  return {
    sql: `UPDATE tokens SET expires_at = ${latest}(${timeParam}, ${capped})
      WHERE type = ? AND revoked_at IS NULL AND expires_at > ? AND expires_at > ${capped} ${RETURNING_CHANGED}`,
    params: [d.time(now), maxTtlMs, type, d.time(now), maxTtlMs],
  };
}

/** The token statement of a change, and the notice type its changed tokens are announced with. */
export function tokenStatement(
  tokens: TokensChange,
  { cause, at, by }: { cause: TokenChangeCause; at: number; by: string },
  d: Dialect,
): TokenChange["tokens"] {
  if ("revoke" in tokens) return { ...revokeStatement(tokens.revoke, cause, at, by, d), notice: "token.revoked" };
  if ("reapprove" in tokens) return { ...reapproveStatement(tokens.reapprove, at, d), notice: "token.updated" };

  return { ...shortenStatement(tokens.shorten.type, tokens.shorten.maxTtlMs, at, d), notice: "token.updated" };
}
