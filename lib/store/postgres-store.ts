import pg from "pg";
import { numbered, revocationAuditRow, revokeStatement, SQL } from "./sql";
import type { HotStore, NewToken, RevokedToken, TokenRow } from "./types";

// Prisma maps DateTime to `timestamp(3)` holding UTC. Read and write it as UTC text, whatever the
// process's time zone, and hand epoch ms to the rest of the code.
const TIMESTAMP_OID = 1114;
const parseUtc = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);
const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, -1));
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? parseUtc : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

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

/** Named prepared statements on a small pool; a portal instance keeps its own pool. */
export function createPostgresStore(connectionString: string): HotStore {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  const query = <R extends pg.QueryResultRow>(name: string | undefined, text: string, values: unknown[]) =>
    pool.query<R>({ name, text: numbered(text), values });

  return {
    async findClient(clientId) {
      const [client, secrets] = await Promise.all([
        query<{ id: string; kind: "app" | "gateway"; app_id: string | null; owner_id: string | null; disabled_at: number | null }>("find_client", SQL.findClient, [clientId]),
        query<{ secret_hash: string; expires_at: number | null }>("find_client_secrets", SQL.findClientSecrets, [clientId]),
      ]);
      const row = client.rows[0];
      if (!row) return null;

      return {
        id: row.id,
        kind: row.kind,
        appId: row.app_id,
        ownerId: row.owner_id,
        disabled: row.disabled_at !== null,
        secrets: secrets.rows.map((s) => ({ secretHash: s.secret_hash, expiresAt: s.expires_at })),
      };
    },
    async findTokenByHash(hash) {
      const r = (await query<RawToken>("find_token", SQL.findTokenByHash, [hash])).rows[0];

      return r
        ? {
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
          }
        : null;
    },
    async insertToken(t: NewToken) {
      await query("insert_token", SQL.insertToken, [
        t.id, t.hash, t.type, t.clientId, t.subscriber, t.grantId, t.scope, utc(t.createdAt), utc(t.expiresAt), utc(t.revokedAt), t.prefix, t.last4,
      ]);
    },
    async revokeTokens(selector, revocation, audit) {
      const { sql, params } = revokeStatement(selector, utc);
      const conn = await pool.connect();
      try {
        await conn.query("BEGIN");
        const { rows } = await conn.query<RawRevoked>(numbered(sql), [utc(revocation.at), revocation.by, revocation.reason, ...params]);
        const revoked = rows.map((r) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at }));
        if (audit && revoked.length > 0) {
          const row = revocationAuditRow(revoked, revocation, audit);
          await conn.query({ name: "insert_audit", text: numbered(SQL.insertAudit), values: [...row.slice(0, 7), utc(revocation.at)] });
        }
        await conn.query("COMMIT");

        return revoked;
      } catch (err) {
        await conn.query("ROLLBACK");
        throw err;
      } finally {
        conn.release();
      }
    },
    async getSetting(key) {
      return (await query<{ value: string }>("get_setting", SQL.getSetting, [key])).rows[0]?.value ?? null;
    },
    async close() {
      await pool.end();
    },
  };
}
