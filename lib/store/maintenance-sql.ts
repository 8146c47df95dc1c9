import type { PurgeKind } from "./types";

// Statements for the purge and the dashboard. `?` placeholders; both engines, except where a
// store passes its own expression for date arithmetic.

/** WHERE clause per purge kind; its parameters are (cutoff, now) or (cutoff). */
export const PURGE_WHERE: Record<
  PurgeKind,
  { table: string; key: string; where: string; params: (cutoff: unknown, now: unknown) => unknown[] }
> = {
  expired_tokens: { table: "tokens", key: "id", where: "expires_at < ?", params: (cutoff) => [cutoff] },
  revoked_tokens: { table: "tokens", key: "id", where: "revoked_at < ? AND expires_at <= ?", params: (cutoff, now) => [cutoff, now] },
  events: { table: "revocation_events", key: "sequence", where: "expires_at < ?", params: (cutoff) => [cutoff] },
};

export const purgeBatchSql = (kind: PurgeKind) => {
  const { table, key, where } = PURGE_WHERE[kind];

  return `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${where} LIMIT ?)`;
};

export const countPurgeableSql = (kind: PurgeKind) =>
  `SELECT COUNT(*) AS n FROM ${PURGE_WHERE[kind].table} WHERE ${PURGE_WHERE[kind].where}`;

/** `capped` is the engine's expression for created_at + maxTtl (bound as the first parameter). */
export const longLivedWhere = (capped: string) => `type = ? AND revoked_at IS NULL AND expires_at > ? AND expires_at > ${capped}`;
