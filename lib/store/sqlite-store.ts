import Database from "better-sqlite3";
import { revocationAuditRow, revokeStatement, SQL } from "./sql";
import type { ClientSecretRow, HotStore, NewToken, Revocation, RevocationAudit, RevokedToken, RevokeSelector, TokenRow } from "./types";

type RawRevoked = { id: string; hash: string; type: RevokedToken["type"]; client_id: string; expires_at: number };

type RawToken = {
  id: string;
  hash: string;
  type: TokenRow["type"];
  client_id: string;
  subscriber: string | null;
  grant_id: string;
  scope: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
};

const toToken = (r: RawToken): TokenRow => ({
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
});

/** Prepared better-sqlite3 statements. Timestamps are epoch ms, as Prisma writes them (unixepoch-ms). */
export function createSqliteStore(file: string): HotStore {
  const conn = new Database(file, { timeout: 5_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL"); // durable at each WAL checkpoint; a crash loses no committed page
  const findClient = conn.prepare(SQL.findClient);
  const findSecrets = conn.prepare(SQL.findClientSecrets);
  const findToken = conn.prepare(SQL.findTokenByHash);
  const insertToken = conn.prepare(SQL.insertToken);
  const getSetting = conn.prepare(SQL.getSetting).pluck();
  const insertAudit = conn.prepare(SQL.insertAudit);
  const statements = new Map<string, Database.Statement>(); // one per revoke selector shape
  const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, conn.prepare(sql)).get(sql)!;
  const revoke = conn.transaction((selector: RevokeSelector, revocation: Revocation, audit?: RevocationAudit): RevokedToken[] => {
    const { sql, params } = revokeStatement(selector, (ms) => ms);
    const rows = prepared(sql).all(revocation.at, revocation.by, revocation.reason, ...params) as RawRevoked[];
    const revoked = rows.map((r) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at }));
    if (audit && revoked.length > 0) insertAudit.run(...revocationAuditRow(revoked, revocation, audit));

    return revoked;
  });

  return {
    async findClient(clientId) {
      const client = findClient.get(clientId) as { id: string; kind: "app" | "gateway"; app_id: string | null; owner_id: string | null; disabled_at: number | null } | undefined;
      if (!client) return null;
      const secrets = (findSecrets.all(clientId) as { secret_hash: string; expires_at: number | null }[]).map(
        (s): ClientSecretRow => ({ secretHash: s.secret_hash, expiresAt: s.expires_at }),
      );

      return { id: client.id, kind: client.kind, appId: client.app_id, ownerId: client.owner_id, disabled: client.disabled_at !== null, secrets };
    },
    async findTokenByHash(hash) {
      const row = findToken.get(hash) as RawToken | undefined;

      return row ? toToken(row) : null;
    },
    async insertToken(t: NewToken) {
      insertToken.run(t.id, t.hash, t.type, t.clientId, t.subscriber, t.grantId, t.scope, t.createdAt, t.expiresAt, t.revokedAt, t.prefix, t.last4);
    },
    async revokeTokens(selector, revocation, audit) {
      return revoke(selector, revocation, audit);
    },
    async getSetting(key) {
      return (getSetting.get(key) as string | undefined) ?? null;
    },
    async close() {
      conn.close();
    },
  };
}
