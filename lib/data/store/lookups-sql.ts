import type { Dialect, Statement } from "./dialect";
import type { RawActiveSubscription, RawApi, RawApp, RawCount, RawGatewayName, RawSubscription, RawTokenTarget, RawUser } from "./rows";
import type { ApiRow, Lookups } from "./types";

// The reads a change's verb makes before it commits (types.ts Lookups), the same text on both engines.
// Each engine runs them through its own `rows` (sqlite/lookups.ts, postgres/lookups.ts).

const TOKEN_TARGET = "SELECT t.id, t.grant_id, t.client_id, t.type, c.app_id FROM tokens t JOIN clients c ON c.id = t.client_id";
const APP = "SELECT a.id, a.name, a.owner_id, a.deleted_at, c.id AS client_id FROM apps a JOIN clients c ON c.app_id = a.id";
const USER = "SELECT id, email, role, suspended_at FROM users";
const API = "SELECT id, name, context, version, status, approval_required, backend_jwt FROM apis";
// One row per tier the API offers, in name order (the refusal of an unknown tier lists them).
const SUBSCRIPTION = `SELECT s.id, s.status, s.tier_id, s.requested_tier_id,
    a.id AS app_id, a.name AS app_name, a.owner_id, a.deleted_at AS app_deleted_at, c.id AS client_id,
    p.id AS api_id, p.name AS api_name, p.context, p.version, p.status AS api_status, p.approval_required,
    ti.id AS offered_tier_id, ti.name AS offered_tier_name
  FROM subscriptions s JOIN apps a ON a.id = s.app_id JOIN clients c ON c.app_id = a.id JOIN apis p ON p.id = s.api_id
    LEFT JOIN api_tiers o ON o.api_id = p.id LEFT JOIN tiers ti ON ti.id = o.tier_id`;
const ACTIVE_SUBSCRIPTIONS = `SELECT c.id AS client_id, p.context, p.version
  FROM subscriptions s JOIN apis p ON p.id = s.api_id JOIN clients c ON c.app_id = s.app_id WHERE s.status = 'active'`;

/** 0/1 on SQLite, false/true on PostgreSQL. */
const flag = (value: number | boolean) => value === true || Number(value) === 1;

const toApi = (r: RawApi): ApiRow => ({
  id: r.id,
  name: r.name,
  context: r.context,
  version: r.version,
  status: r.status,
  approvalRequired: flag(r.approval_required),
  backendJwt: r.backend_jwt === null ? null : flag(r.backend_jwt),
});

/** The lookups on an engine, given how it runs one statement (`?` placeholders) and returns its rows. */
export function lookups(rows: <R>(statement: Statement) => Promise<R[]>, dialect: Dialect): Lookups {
  const first = async <R>(statement: Statement) => (await rows<R>(statement))[0];

  return {
    async findTokenTarget(by) {
      const r = await first<RawTokenTarget>(
        "hash" in by
          ? { sql: `${TOKEN_TARGET} WHERE t.hash = ?`, params: [by.hash] }
          : { sql: `${TOKEN_TARGET} WHERE t.id = ?`, params: [by.id] },
      );

      return r ? { id: r.id, grantId: r.grant_id, clientId: r.client_id, type: r.type, appId: r.app_id } : null;
    },
    async findApp(by) {
      const r = await first<RawApp>(
        "id" in by ? { sql: `${APP} WHERE a.id = ?`, params: [by.id] } : { sql: `${APP} WHERE c.id = ?`, params: [by.clientId] },
      );

      return r ? { id: r.id, name: r.name, ownerId: r.owner_id, clientId: r.client_id, deletedAt: r.deleted_at } : null;
    },
    async findUser(by) {
      const r = await first<RawUser>(
        "id" in by ? { sql: `${USER} WHERE id = ?`, params: [by.id] } : { sql: `${USER} WHERE email = ?`, params: [by.email] },
      );

      return r ? { id: r.id, email: r.email, role: r.role, suspendedAt: r.suspended_at } : null;
    },
    async countActiveAdmins(besides) {
      const sql = "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND suspended_at IS NULL AND id <> ?";
      const r = await first<RawCount>({ sql, params: [besides] });

      return Number(r?.n ?? 0);
    },
    async findApi(by) {
      const r = await first<RawApi>(
        "id" in by
          ? { sql: `${API} WHERE id = ?`, params: [by.id] }
          : { sql: `${API} WHERE context = ? AND version = ?`, params: [by.context, by.version] },
      );

      return r ? toApi(r) : null;
    },
    async findSubscription(by) {
      const found = await rows<RawSubscription>(
        "id" in by
          ? { sql: `${SUBSCRIPTION} WHERE s.id = ? ORDER BY ti.name`, params: [by.id] }
          : { sql: `${SUBSCRIPTION} WHERE s.app_id = ? AND s.api_id = ? ORDER BY ti.name`, params: [by.appId, by.apiId] },
      );
      const [r] = found;
      if (!r) return null;

      return {
        id: r.id,
        status: r.status,
        tierId: r.tier_id,
        requestedTierId: r.requested_tier_id,
        app: { id: r.app_id, name: r.app_name, ownerId: r.owner_id, deletedAt: r.app_deleted_at, clientId: r.client_id },
        api: {
          id: r.api_id,
          name: r.api_name,
          context: r.context,
          version: r.version,
          status: r.api_status,
          approvalRequired: flag(r.approval_required),
          tiers: found.flatMap((t) =>
            t.offered_tier_id !== null && t.offered_tier_name !== null ? [{ id: t.offered_tier_id, name: t.offered_tier_name }] : [],
          ),
        },
      };
    },
    async listActiveSubscriptions(of) {
      const found = await rows<RawActiveSubscription>(
        "apiId" in of
          ? { sql: `${ACTIVE_SUBSCRIPTIONS} AND s.api_id = ?`, params: [of.apiId] }
          : { sql: `${ACTIVE_SUBSCRIPTIONS} AND p.backend_jwt IS NULL`, params: [] },
      );

      return found.map((r) => ({ clientId: r.client_id, api: { context: r.context, version: r.version } }));
    },
    async gatewayNames(ids) {
      if (ids.length === 0) return new Map();
      const list = dialect.inList(ids);
      const found = await rows<RawGatewayName>({ sql: `SELECT id, name FROM gateways WHERE id ${list.sql}`, params: list.params });

      return new Map(found.map((g) => [g.id, g.name]));
    },
  };
}
