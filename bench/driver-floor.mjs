// The database floor for `npm run bench`: node:http and the driver Portcullis uses (better-sqlite3, or a pg
// Pool of 10 as Portcullis's store keeps), doing each scenario's least work on Portcullis's own tokens table:
// introspect = one SELECT by SHA-256 hash; revoke = one transaction, the UPDATE and one outbox INSERT (into
// floor_outbox, shaped like revocation_events, so Portcullis's feed sees nothing); issue = one INSERT.
// No client authentication, no notices. WORKERS > 1: node:cluster, as Portcullis's own cluster.
// Env: DATABASE_URL, SQLITE_FILE (SQLite), PORT, WORKERS. Tells the parent { ready } over IPC.
import Database from "better-sqlite3";
import cluster from "node:cluster";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const port = Number(process.env.PORT);
const workers = Number(process.env.WORKERS);
const DAY = 86_400_000;
const hash = (value) => createHash("sha256").update(value).digest("hex"); // as lib/base/hash-token.ts
const INTROSPECT = "SELECT client_id, scope, expires_at, revoked_at FROM tokens WHERE hash = ?";
const REVOKE =
  "UPDATE tokens SET revoked_at = ?, revoked_by = 'client', revoked_reason = 'revocation_endpoint' WHERE hash = ? AND revoked_at IS NULL RETURNING client_id, expires_at";
const OUTBOX = "INSERT INTO floor_outbox (id, type, tokens, created_at, expires_at) VALUES (?, 'token.revoked', ?, ?, ?)";
const ISSUE = `INSERT INTO tokens (id, hash, prefix, last4, type, client_id, grant_id, scope, created_at, expires_at, source)
  VALUES (?, ?, 'pcl_at_', ?, 'access_token', 'floor', ?, '', ?, ?, 'token_endpoint')`;

/** The three statements on SQLite, synchronous, with Portcullis's pragmas (lib/data/store/sqlite/connection.ts). */
function sqliteStore() {
  const conn = new Database(process.env.SQLITE_FILE, { timeout: 5_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.exec(`CREATE TABLE IF NOT EXISTS floor_outbox (sequence INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL, tokens TEXT NOT NULL, created_at DATETIME NOT NULL, expires_at DATETIME NOT NULL)`);
  const [introspect, revoke, outbox, issue] = [INTROSPECT, REVOKE, OUTBOX, ISSUE].map((sql) => conn.prepare(sql));
  const revokeInOne = conn.transaction((tokenHash, now) => {
    const row = revoke.get(now, tokenHash);
    if (row) outbox.run(randomUUID(), JSON.stringify([{ token_hash: tokenHash, client_id: row.client_id }]), now, row.expires_at);
  });

  return {
    introspect: async (tokenHash) => introspect.get(tokenHash),
    revoke: async (tokenHash) => revokeInOne.immediate(tokenHash, Date.now()),
    issue: async (id, tokenHash, last4) => issue.run(id, tokenHash, last4, id, Date.now(), Date.now() + DAY),
  };
}

/** The same on PostgreSQL: named (prepared) statements, timestamps as UTC, as Portcullis's store does. */
async function postgresStore() {
  pg.types.setTypeParser(1114, (s) => Date.parse(`${s}Z`));
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const numbered = (sql) => ((i) => sql.replace(/\?/g, () => `$${++i}`))(0);
  const run = (on, name, sql, values) => on.query({ name, text: numbered(sql), values });
  const utc = (ms) => new Date(ms).toISOString().slice(0, -1);
  await pool.query(`CREATE TABLE IF NOT EXISTS floor_outbox (sequence SERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL, tokens TEXT NOT NULL, created_at TIMESTAMP(3) NOT NULL, expires_at TIMESTAMP(3) NOT NULL)`);

  return {
    introspect: async (tokenHash) => (await run(pool, "introspect", INTROSPECT, [tokenHash])).rows[0],
    revoke: async (tokenHash) => {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const { rows } = await run(c, "revoke", REVOKE, [utc(Date.now()), tokenHash]);
        if (rows[0]) {
          const tokens = JSON.stringify([{ token_hash: tokenHash, client_id: rows[0].client_id }]);
          await run(c, "outbox", OUTBOX, [randomUUID(), tokens, utc(Date.now()), utc(rows[0].expires_at)]);
        }
        await c.query("COMMIT");
      } catch (err) {
        await c.query("ROLLBACK");
        throw err;
      } finally {
        c.release();
      }
    },
    issue: (id, tokenHash, last4) => run(pool, "issue", ISSUE, [id, tokenHash, last4, id, utc(Date.now()), utc(Date.now() + DAY)]),
  };
}

// Each process its own connection(s); the first to open one creates the outbox table.
const store = process.env.DATABASE_URL.startsWith("postgres") ? await postgresStore() : sqliteStore();
const json = (res, status, body) =>
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));

const routes = {
  "/introspect": async (form) => {
    const row = await store.introspect(hash(form.get("token") ?? ""));
    const active = row && row.revoked_at === null && Number(row.expires_at) > Date.now();
    return active
      ? { active: true, client_id: row.client_id, scope: row.scope, exp: Math.floor(Number(row.expires_at) / 1000) }
      : { active: false };
  },
  "/revoke": async (form) => (await store.revoke(hash(form.get("token") ?? "")), {}),
  "/issue": async () => {
    const value = `pcl_at_${randomBytes(32).toString("base64url")}`;
    await store.issue(randomUUID(), hash(value), value.slice(-4));
    return { access_token: value, token_type: "Bearer", expires_in: DAY / 1000 };
  },
};

function serve(onListening) {
  createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () =>
      (routes[req.url] ?? (() => Promise.reject(new Error(`no route ${req.url}`))))(new URLSearchParams(body)).then(
        (answer) => json(res, 200, answer),
        (err) => (console.error(err), json(res, 500, { error: "server_error" })),
      ),
    );
  }).listen(port, "127.0.0.1", onListening);
}

if (cluster.isPrimary) {
  if (workers > 1) {
    let listening = 0;
    cluster.on("listening", () => ++listening === workers && process.send({ ready: true }));
    for (let i = 0; i < workers; i++) cluster.fork();
    process.on("SIGTERM", () => process.exit(0));
  } else {
    serve(() => process.send({ ready: true }));
  }
} else {
  serve();
  process.on("disconnect", () => process.exit(0));
}
