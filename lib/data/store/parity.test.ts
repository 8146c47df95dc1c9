import type { DB } from "@/lib/data/db/generated/kysely/tables";
import { migrate } from "@/lib/data/db/migrate";
import type { TokenChangeCause } from "@/lib/engine/changes/causes.shared";
import { EFFECTS, type CauseWithEffect } from "@/lib/engine/changes/effects";
import type { Effect } from "@/lib/engine/changes/effects/effect";
import { tokenStatement, type TokensChange } from "@/lib/engine/changes/token-statements";
import { freshPostgres, postgresUnavailable, type FreshPostgres } from "@/lib/testing/postgres-server";
import type { Selectable } from "kysely";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES, SQLITE, type Dialect } from "./dialect";
import { LEASE_MS } from "./outbox-sql";
import { connectPostgres } from "./postgres/connection";
import { createPostgresStore } from "./postgres/store";
import { openSqlite } from "./sqlite/connection";
import { createSqliteStore } from "./sqlite/store";
import type { AuditRow, ChangedToken, DriverStore, NewToken, PendingDelivery } from "./types";

// The same calls on a fresh SQLite file and a fresh PostgreSQL database — every DriverStore method,
// every kind of token change and catalog effect — must give the same answers and leave the same
// rows. Both engines run in this one test, whatever DATABASE_URL names (CI has PostgreSQL).

const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`parity.test.ts skipped: ${unavailable}`);

/** A database the scenario can seed and read back, beside the store under test. */
type Engine = {
  store: DriverStore;
  dialect: Dialect;
  exec: (sql: string, params: unknown[]) => Promise<void>;
  rows: (sql: string) => Promise<Row[]>;
};
type Row = Record<string, unknown>;

const HOUR = 3600_000;
const now = Date.now();

/** Seeds one row; every column is named (the generated table type says which), `*_at` columns are timestamps. */
const seed =
  ({ exec, dialect }: Engine) =>
  async <T extends keyof DB>(table: T, row: Selectable<DB[T]>) => {
    const entries = Object.entries(row);
    const values = entries.map(([k, v]) => (k.endsWith("_at") && typeof v === "number" ? dialect.time(v) : v));
    await exec(`INSERT INTO ${table} (${entries.map(([k]) => k).join(", ")}) VALUES (${entries.map(() => "?").join(", ")})`, values);
  };

async function seedAll(engine: Engine) {
  const put = seed(engine);
  const user = (id: string, suspended_at: number | null = null) =>
    put("users", { id, email: `${id}@parity.test`, name: null, password_hash: "x", role: "subscriber", created_at: now, suspended_at });
  await user("u-owner");
  await user("u-person");
  await user("u-susp");
  await user("u-gone", now - HOUR); // suspended while a token and a code of theirs were left active
  await put("users", {
    id: "u-admin",
    email: "u-admin@parity.test",
    name: null,
    password_hash: "x",
    role: "admin",
    created_at: now,
    suspended_at: null,
  });
  const app = (id: string, owner_id: string, extra: Partial<Selectable<DB["apps"]>> = {}) =>
    put("apps", {
      id,
      owner_id,
      name: id,
      description: "",
      redirect_uris: "",
      created_at: now,
      updated_at: now,
      deleted_at: null,
      access_token_ttl: null,
      refresh_token_ttl: null,
      public_client: 0,
      grant_types: "client_credentials",
      allowed_scopes: null,
      token_format: "opaque",
      ...extra,
    });
  await app("app-1", "u-owner", { access_token_ttl: 600, refresh_token_ttl: 86_400, grant_types: "client_credentials refresh_token" });
  await app("app-2", "u-owner", { public_client: 1, grant_types: "authorization_code", allowed_scopes: "read write", token_format: "jwt" });
  await app("app-3", "u-susp");
  const client = (id: string, kind: string, app_id: string | null) =>
    put("clients", { id, kind, app_id, created_at: now, disabled_at: null });
  await client("c-1", "app", "app-1");
  await client("c-2", "app", "app-2");
  await client("c-3", "app", "app-3");
  await client("gw-1", "gateway", null);
  await client("gw-2", "gateway", null);
  const secret = (id: string, secret_hash: string, expires_at: number | null, revoked_at: number | null) =>
    put("client_secrets", {
      id,
      client_id: "c-1",
      secret_hash,
      last4: "abcd",
      created_at: now,
      expires_at,
      revoked_at,
      last_used_at: null,
    });
  await secret("s-1", "h-s1", null, null);
  await secret("s-2", "h-s2", null, now - HOUR);
  await secret("s-3", "h-s3", now + HOUR, null);
  await put("scopes", { name: "write", description: "", privileged: 0, created_at: now });
  await put("scopes", { name: "read", description: "", privileged: 0, created_at: now });
  await put("scopes", { name: "admin", description: "", privileged: 1, created_at: now });
  await put("app_scopes", { app_id: "app-1", scope_name: "admin", granted_at: now });
  for (const [key, value] of [
    ["backend_jwt", "true"],
    ["access_token_ttl", "900"],
    ["internal.secret", "x"],
  ])
    await put("settings", { key, value, updated_at: now });
  const api = (id: string, context: string, status: string, backend_jwt: number | null) =>
    put("apis", {
      id,
      name: `API ${id}`,
      context,
      version: "v1",
      description: "",
      openapi: null,
      gateway_url: null,
      approval_required: 0,
      backend_jwt,
      status,
      created_at: now,
      updated_at: now,
    });
  await api("api-1", "/orders", "published", null);
  await api("api-2", "/pay", "published", 0);
  await api("api-3", "/draft", "draft", null);
  await put("tiers", { id: "tier-gold", name: "Gold", requests_per_minute: 100, daily_quota: 1000, created_at: now });
  await put("tiers", { id: "tier-free", name: "Free", requests_per_minute: 10, daily_quota: null, created_at: now });
  await put("api_tiers", { api_id: "api-1", tier_id: "tier-gold" });
  await put("api_tiers", { api_id: "api-1", tier_id: "tier-free" });
  const subscription = (id: string, app_id: string, api_id: string, tier_id: string, status: string, reason: string | null) =>
    put("subscriptions", { id, app_id, api_id, tier_id, requested_tier_id: null, status, reason, created_at: now, updated_at: now });
  await subscription("sub-1", "app-1", "api-1", "tier-gold", "active", null);
  await subscription("sub-2", "app-1", "api-2", "tier-free", "blocked", "abuse");
  const gateway = (id: string, client_id: string, disabled_at: number | null) =>
    put("gateways", {
      id,
      name: id,
      environment: "production",
      revoke_url: `http://127.0.0.1:9/${id}`,
      client_id,
      signing_secret: "enc",
      previous_signing_secret: null,
      previous_secret_expires_at: null,
      created_at: now,
      disabled_at,
      enabled_at: null,
      heartbeat_acked_at: null,
      heartbeat_unanswered_since: null,
      heartbeat_error: null,
      canary_url: null,
    });
  await gateway("g-1", "gw-1", null);
  await gateway("g-2", "gw-2", now - HOUR); // disabled: its notices wait
  await put("authorization_codes", {
    hash: "h-code",
    client_id: "c-2",
    user_id: "u-person",
    redirect_uri: "https://app.test/cb",
    code_challenge: "challenge",
    scope: "read",
    grant_id: "grant-code",
    created_at: now,
    expires_at: now + 60_000,
    used_at: null,
  });
  const code = (hash: string, user_id: string) =>
    put("authorization_codes", {
      ...{ hash, client_id: "c-2", user_id, redirect_uri: "https://app.test/cb", code_challenge: "challenge", scope: "read" },
      ...{ grant_id: `grant-${hash}`, created_at: now, expires_at: now + 60_000, used_at: null },
    });
  await code("h-code-s", "u-susp"); // approved, not yet redeemed: the suspension deletes it
  await code("h-code-g", "u-gone");
  await put("grants", { id: "gr-1", user_id: "u-person", client_id: "c-2", scope: "read", created_at: now, updated_at: now });
  await put("grants", { id: "gr-2", user_id: "u-susp", client_id: "c-2", scope: "read", created_at: now, updated_at: now });
  await put("sessions", { id: "ses-1", user_id: "u-susp", created_at: now, expires_at: now + HOUR });
}

const token = (id: string, over: Partial<NewToken> = {}): NewToken => ({
  id,
  hash: `h-${id}`,
  type: "access_token",
  clientId: "c-1",
  subscriber: null,
  grantId: "grant-1",
  scope: "read",
  createdAt: now,
  expiresAt: now + HOUR,
  revokedAt: null,
  prefix: "pcl_at_",
  last4: id.slice(-4),
  source: "token_endpoint",
  note: null,
  ...over,
});

let auditCount = 0;
const auditOf =
  (action: string) =>
  (changed: ChangedToken[]): AuditRow[] => [
    {
      id: `aud-${++auditCount}`,
      appId: null,
      actorId: null,
      actor: "parity",
      action,
      detail: JSON.stringify({ tokens: changed.map((t) => t.id).sort() }),
      ip: null,
      createdAt: now,
    },
  ];

/** Each call of the scenario, with what it answered; the same list from both engines. */
async function runScenario(engine: Engine) {
  auditCount = 0;
  const { store } = engine;
  const log: [string, unknown][] = [];
  const note = (step: string, result: unknown) => log.push([step, normalize(result)]);
  // The statements the change pipeline builds (lib/engine/changes) for this engine's dialect.
  const change = async (step: string, c: { cause: TokenChangeCause; tokens: TokensChange; effect?: unknown }) => {
    const effect = c.effect === undefined ? undefined : (EFFECTS[c.cause as CauseWithEffect] as Effect<unknown>);
    const result = await store.commitTokenChange({
      at: now,
      tokens: tokenStatement(c.tokens, { cause: c.cause, at: now, by: "parity" }, store.dialect),
      effect: (changed) => effect?.(c.effect, { at: now, dialect: store.dialect, changed }) ?? [],
      audit: auditOf(step),
    });
    note(step, result);

    return result;
  };

  await seedAll(engine);
  for (const id of ["c-1", "c-2", "c-3", "gw-1", "nobody"]) note(`findClient ${id}`, await store.findClient(id));

  // Issuance: two single inserts that share a group commit, a grant's pair, a code's exchange.
  await Promise.all([
    store.insertToken(token("t-a1", { subscriber: "u-owner" })),
    store.insertToken(token("t-r1", { type: "refresh_token", expiresAt: now + 24 * HOUR, prefix: "pcl_rt_" })),
    store.insertToken(token("t-old", { createdAt: now - 2 * HOUR })),
    store.insertToken(token("t-a3", { clientId: "c-3", grantId: "grant-3" })),
  ]);
  await store.insertTokens([
    token("t-a2", { clientId: "c-2", grantId: "grant-p", userId: "u-person" }),
    token("t-r2", { clientId: "c-2", grantId: "grant-p", userId: "u-person", type: "refresh_token", issuedFrom: "t-r1" }),
    token("t-s1", { clientId: "c-2", grantId: "grant-s", userId: "u-susp" }), // another's application holds it for u-susp
    token("t-g1", { clientId: "c-2", grantId: "grant-g", userId: "u-gone" }),
    token("t-p1", { clientId: "c-2", grantId: "pwd_family", userId: "u-person" }), // a password grant's family
  ]);
  note("findCode", await store.findCode("h-code"));
  note(
    "redeemCode",
    await store.redeemCode("h-code", now, [token("t-a5", { clientId: "c-2", grantId: "grant-code", userId: "u-person" })]),
  );
  note("redeemCode again", await store.redeemCode("h-code", now, [token("t-a6", { clientId: "c-2" })]));
  note("findCode used", await store.findCode("h-code"));
  note("findCode unknown", await store.findCode("h-none"));
  note("findCode of a suspended person", await store.findCode("h-code-g"));
  note("listScopeNames", await store.listScopeNames());
  note("listScopesFor app-1", await store.listScopesFor("app-1"));
  note("listScopesFor app-2", await store.listScopesFor("app-2"));
  note("getSettings", await store.getSettings());

  const reads = async (step: string) => {
    for (const hash of ["h-t-a1", "h-t-r2", "h-t-a3", "h-t-s1", "h-t-g1", "h-none"])
      note(`${step} findTokenByHash ${hash}`, await store.findTokenByHash(hash));
    for (const [hash, context] of [
      ["h-t-a1", "/orders"],
      ["h-t-a1", "/pay"],
      ["h-t-a1", "/nowhere"],
      ["h-t-a2", "/orders"],
      ["h-t-g1", "/orders"],
    ])
      note(`${step} findTokenForApi ${hash} ${context}`, await store.findTokenForApi(hash, { context, version: "v1" }));
  };
  await reads("issued");

  // What a change's verb reads before it commits (Lookups).
  const lookups = async (step: string) => {
    for (const by of [{ hash: "h-t-a1" }, { id: "t-a2" }, { hash: "h-none" }])
      note(`${step} findTokenTarget ${JSON.stringify(by)}`, await store.findTokenTarget(by));
    for (const by of [{ id: "app-1" }, { clientId: "c-2" }, { clientId: "gw-1" }, { id: "app-none" }])
      note(`${step} findApp ${JSON.stringify(by)}`, await store.findApp(by));
    for (const by of [{ id: "u-owner" }, { email: "u-susp@parity.test" }, { email: "nobody@parity.test" }])
      note(`${step} findUser ${JSON.stringify(by)}`, await store.findUser(by));
    for (const besides of ["u-admin", "u-owner"]) note(`${step} countActiveAdmins ${besides}`, await store.countActiveAdmins(besides));
    for (const by of [{ id: "api-2" }, { context: "/orders", version: "v1" }, { id: "api-none" }])
      note(`${step} findApi ${JSON.stringify(by)}`, await store.findApi(by));
    for (const by of [{ id: "sub-1" }, { appId: "app-1", apiId: "api-2" }, { id: "sub-none" }])
      note(`${step} findSubscription ${JSON.stringify(by)}`, await store.findSubscription(by));
    for (const of of [{ apiId: "api-1" }, { followingBackendJwtDefault: true as const }])
      note(`${step} listActiveSubscriptions ${JSON.stringify(of)}`, await store.listActiveSubscriptions(of));
    note(`${step} gatewayNames`, Object.fromEntries(await store.gatewayNames(["g-1", "g-2", "g-none"])));
    note(`${step} gatewayNames of none`, Object.fromEntries(await store.gatewayNames([])));
  };
  await lookups("issued");

  const usage = {
    tokens: [{ id: "t-a1", at: now }],
    secrets: [{ hash: "h-s1", at: now }],
    introspections: [{ day: "2026-12-06", clientId: "c-1", count: 3 }],
  };
  await store.recordUsage(usage);
  await store.recordUsage({ ...usage, tokens: [{ id: "t-a1", at: now - 60_000 }] }); // older: does not overwrite

  // Token changes: every selector, every effect; the first two share a group commit.
  const [first] = await Promise.all([
    change("revoke tokenId", { cause: "cli", tokens: { revoke: { tokenId: "t-a1" } } }),
    change("revoke tokenIds (already revoked)", { cause: "admin_bulk", tokens: { revoke: { tokenIds: ["t-a1", "t-none"] } } }),
  ]);
  await change("reapprove", { cause: "reapproved", tokens: { reapprove: { tokenId: "t-a1" } } });
  await change("revoke issuedFrom", { cause: "refresh_reused", tokens: { revoke: { issuedFrom: "t-r1" } } });
  await change("shorten", { cause: "lifetime_shortened", tokens: { shorten: { type: "access_token", maxTtlMs: HOUR / 2 } } });
  await change("rotate (changed)", {
    cause: "refresh_retried",
    tokens: { revoke: { tokenId: "t-r1" } },
    effect: { tokens: [token("t-rot", { type: "refresh_token" })], retriedFrom: "t-a1" },
  });
  await change("rotate (unchanged: nothing issued)", {
    cause: "refresh_rotated",
    tokens: { revoke: { tokenId: "t-r1" } },
    effect: { tokens: [token("t-rot2", { type: "refresh_token" })] },
  });
  await change("regenerate", {
    cause: "regenerate",
    tokens: { revoke: { grantId: "grant-1" } },
    effect: { token: token("t-regen") },
  });
  await change("password changed (the password grant's family only)", {
    cause: "password_changed",
    tokens: { revoke: { heldFor: "u-person", passwordGrants: true } },
    effect: { userId: "u-person", passwordHash: "h-new-password", signOutApplications: false },
  });
  await change("grant revoked", {
    cause: "grant_revoked",
    tokens: { revoke: { clientId: "c-2", userId: "u-person" } },
    effect: { userId: "u-person", clientId: "c-2" },
  });

  // A catalog change, while c-1 still has live tokens (its notice is queued) and c-2 none (no event).
  note(
    "commitCatalogChange",
    await store.commitCatalogChange({
      at: now,
      effects: [
        {
          kind: "upsert_subscription",
          subscriptionId: "sub-3",
          appId: "app-2",
          apiId: "api-1",
          tierId: "tier-gold",
          requestedTierId: null,
          status: "pending",
          reason: null,
          isNew: true,
        },
        {
          kind: "upsert_subscription",
          subscriptionId: "sub-1",
          appId: "app-1",
          apiId: "api-1",
          tierId: "tier-free",
          requestedTierId: "tier-gold",
          status: "active",
          reason: "downgraded",
          isNew: false,
        },
        { kind: "delete_subscription", subscriptionId: "sub-2" },
        { kind: "set_api_status", apiId: "api-3", status: "published" },
        { kind: "set_api_backend_jwt", apiId: "api-2", backendJwt: "on" },
        { kind: "set_api_backend_jwt", apiId: "api-1", backendJwt: "off" },
        { kind: "set_setting", key: "backend_jwt", value: "false" },
        { kind: "set_setting", key: "token_format", value: "jwt" },
      ],
      notify: [
        { clientId: "c-1", api: { context: "/orders", version: "v1" } },
        { clientId: "c-2", api: { context: "/orders", version: "v1" } },
      ],
      audit: auditOf("catalog")([]),
      announceSettings: true,
    }),
  );
  note("getSettings after", await store.getSettings());
  await reads("after changes");

  await change("secret regenerated", {
    cause: "secret_regenerated",
    tokens: { revoke: { clientId: "c-1", type: "access_token", activeAt: now } },
    effect: { clientId: "c-1", secret: { secretHash: "h-s-new", last4: "wxyz" } },
  });
  await change("password changed, every application signed out", {
    cause: "password_changed",
    tokens: { revoke: { heldFor: "u-person" } },
    effect: { userId: "u-person", passwordHash: "h-newer-password", signOutApplications: true },
  });
  await change("owner suspended", {
    cause: "user_suspended",
    tokens: { revoke: { personId: "u-susp", activeAt: now } },
    effect: { userId: "u-susp" },
  });
  await change("app deleted", {
    cause: "app_deleted",
    tokens: { revoke: { clientId: "c-1" } },
    effect: { appId: "app-1", clientId: "c-1" },
  });
  for (const id of ["c-1", "c-3"]) note(`findClient ${id} after`, await store.findClient(id));
  note("findCode after the suspension", await store.findCode("h-code-s"));
  await lookups("after changes");

  // The outbox: a delayed re-send, the door's claim, the worker's claim, attempts, an admin's redelivery.
  note("queueResend", await store.queueResend(first.changed, 60_000));
  const byKey = (a: PendingDelivery, b: PendingDelivery) => a.sequence - b.sequence || a.gatewayId.localeCompare(b.gatewayId);
  const atDoor = (await store.claimQueued(first.notices.sequences, "g-1", LEASE_MS)).sort(byKey);
  note("claimQueued", atDoor);
  note("claimQueued again (leased)", await store.claimQueued(first.notices.sequences, undefined, LEASE_MS));
  const due = (await store.claimDueDeliveries(LEASE_MS, 100)).sort(byKey);
  note("claimDueDeliveries", due);
  const claimed = [...atDoor, ...due];
  expect(claimed.length).toBeGreaterThanOrEqual(3);
  const attempt = (d: PendingDelivery, ok: boolean, retryInMs: number, leaseUntil = d.leaseUntil) => ({
    sequence: d.sequence,
    gatewayId: d.gatewayId,
    ok,
    attempts: d.attempts + 1,
    retryInMs,
    httpStatus: ok ? 204 : 503,
    error: ok ? null : "unavailable",
    leaseUntil,
  });
  const [delivered, retried, givenUp, ...rest] = claimed;
  await store.recordAttempts([
    attempt(delivered, true, 0),
    attempt(retried, false, 60_000), // due again in a minute: not claimed below
    attempt(givenUp, false, 100 * HOUR), // past its 72 h window: failed
    ...rest.map((d) => attempt(d, true, 0, d.leaseUntil - 1)), // a lease no longer held: nothing written
  ]);
  note("requeueFailed one", await store.requeueFailed("g-1", givenUp.sequence));
  note("requeueFailed all", await store.requeueFailed("g-1", undefined));
  note("claimDueDeliveries after", (await store.claimDueDeliveries(LEASE_MS, 100)).sort(byKey));

  for (const [table, order] of TABLES) {
    const rows = await engine.rows(`SELECT * FROM ${table} ORDER BY ${order}`);
    // Events and their deliveries are stamped by the database's clock.
    note(`rows of ${table}`, STAMPED_BY_DATABASE.has(table) ? rows.map((r) => ({ ...r, created_at: "clock" })) : rows);
  }

  return log;
}

const TABLES = [
  ["users", "id"],
  ["apps", "id"],
  ["clients", "id"],
  ["client_secrets", "secret_hash"],
  ["tokens", "id"],
  ["authorization_codes", "hash"],
  ["grants", "id"],
  ["sessions", "id"],
  ["settings", "key"],
  ["apis", "id"],
  ["subscriptions", "id"],
  ["audit_events", "id"],
  ["revocation_events", "sequence"],
  ["deliveries", "event_sequence, gateway_id"],
  ["introspection_counts", "day, client_id"],
] as const;

/** Times on the database's clock (leases, due times, events' stamps) and on this process's (sendBy). */
const CLOCK_FIELDS = new Set([
  "next_attempt_at",
  "give_up_at",
  "lease_until",
  "last_attempt_at",
  "delivered_at",
  "leaseUntil",
  "sendBy",
  "createdAt",
]);
const STAMPED_BY_DATABASE = new Set<string>(["revocation_events", "deliveries"]);
const RANDOM_FIELDS = new Set(["eventId"]); // a fresh webhook-id per event
const ROW_ORDERED = new Set(["changed", "revoked"]); // RETURNING gives rows in no promised order

/** What may differ between two runs of the same calls: random ids, clocks, row order. */
function normalize(value: unknown, key = ""): unknown {
  if (CLOCK_FIELDS.has(key)) return value === null ? null : "clock";
  if (RANDOM_FIELDS.has(key) || (key === "id" && typeof value === "string" && value.startsWith("evt_"))) return "random";
  if (key === "id" && typeof value === "string" && /^[0-9a-f-]{36}$/.test(value)) return "random"; // a replaced secret's row
  if (key === "tokens" && typeof value === "string" && value.startsWith("["))
    return (JSON.parse(value) as { token_hash: string }[]).sort((a, b) => a.token_hash.localeCompare(b.token_hash));
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v));
    return ROW_ORDERED.has(key) ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));

  return value;
}

describe.skipIf(unavailable !== null)("the driver store on SQLite and on PostgreSQL", () => {
  const dir = path.resolve(`data/parity-${process.pid}`);
  let postgres: FreshPostgres;
  const engines: { sqlite?: Engine; postgres?: Engine } = {};
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "store.db");
    await migrate(`file:${file}`);
    const sqlite = openSqlite(file);
    const sqliteStore = createSqliteStore(file);
    closers.push(sqliteStore.close, async () => void sqlite.conn.close());
    engines.sqlite = {
      store: sqliteStore,
      dialect: SQLITE,
      exec: async (sql, params) => void sqlite.stmt(sql).run(...params),
      rows: async (sql) => sqlite.stmt(sql).all() as Row[],
    };

    postgres = await freshPostgres("parity");
    const pg = connectPostgres(postgres.url); // the store's own time parsing: timestamps read back as epoch ms
    const pgStore = createPostgresStore(postgres.url);
    closers.push(pgStore.close, pg.close);
    engines.postgres = {
      store: pgStore,
      dialect: POSTGRES,
      exec: async (sql, params) => void (await pg.query(pg.pool, undefined, sql, params)),
      // Booleans as SQLite stores them (0/1), so that the two tables compare; the store's own answers are compared as they are.
      rows: async (sql) =>
        (await pg.query<Row>(pg.pool, undefined, sql, [])).rows.map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "boolean" ? Number(v) : v])),
        ),
    };
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers every call alike and leaves the same rows", async () => {
    const onSqlite = await runScenario(engines.sqlite!);
    const onPostgres = await runScenario(engines.postgres!);

    for (let i = 0; i < onSqlite.length; i++) expect(onPostgres[i], onSqlite[i][0]).toEqual(onSqlite[i]);
    expect(onPostgres.length).toBe(onSqlite.length);
    // And the scenario did what it says, so that two empty answers cannot pass.
    const step = (name: string) => onSqlite.find(([s]) => s === name)?.[1];
    expect(step("findClient c-1")).toMatchObject({ disabled: false, secrets: [{ secretHash: "h-s1" }, { secretHash: "h-s3" }] });
    expect([step("redeemCode"), step("redeemCode again")]).toEqual([true, false]);
    expect(step("revoke tokenId")).toMatchObject({ changed: [{ id: "t-a1" }], notices: { sequences: [1] } });
    expect(step("findClient c-1 after")).toMatchObject({ disabled: true, secrets: [] });
    // A suspension ends what its person's applications hold and what others' hold for them; a suspended person's rows are refused.
    const ids = (step("owner suspended") as { changed: { id: string }[] }).changed.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(["t-a3", "t-s1"]));
    expect(step("findCode after the suspension")).toBeNull();
    expect([step("issued findTokenByHash h-t-s1"), step("issued findTokenByHash h-t-g1")]).toMatchObject([
      { usable: true },
      { usable: false },
    ]);
    expect([step("findCode"), step("findCode of a suspended person")]).toMatchObject([{ userSuspended: false }, { userSuspended: true }]);
    expect(step("requeueFailed one")).toHaveLength(1);
    expect(step('issued findTokenTarget {"hash":"h-t-a1"}')).toEqual({
      id: "t-a1",
      grantId: "grant-1",
      clientId: "c-1",
      type: "access_token",
      appId: "app-1",
    });
    expect(step('issued findApp {"clientId":"gw-1"}')).toBeNull();
    expect(step('after changes findApp {"id":"app-1"}')).toMatchObject({ clientId: "c-1", ownerId: "u-owner", deletedAt: now });
    expect(step('after changes findUser {"email":"u-susp@parity.test"}')).toMatchObject({ id: "u-susp", suspendedAt: now });
    expect([step("issued countActiveAdmins u-admin"), step("issued countActiveAdmins u-owner")]).toEqual([0, 1]);
    expect(step('issued findApi {"id":"api-2"}')).toMatchObject({ backendJwt: false, approvalRequired: false });
    expect(step('issued findSubscription {"id":"sub-1"}')).toMatchObject({
      app: { id: "app-1", clientId: "c-1" },
      api: {
        context: "/orders",
        tiers: [
          { id: "tier-free", name: "Free" },
          { id: "tier-gold", name: "Gold" },
        ],
      },
    });
    expect(step('issued listActiveSubscriptions {"followingBackendJwtDefault":true}')).toEqual([
      { clientId: "c-1", api: { context: "/orders", version: "v1" } },
    ]);
    expect(step("issued gatewayNames")).toEqual({ "g-1": "g-1", "g-2": "g-2" });
  });
});
