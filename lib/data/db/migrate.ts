import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { Umzug, type UmzugStorage } from "umzug";
import { engineOf, sqlitePath } from "./engine";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");
// Taken while migrating so that several portal instances starting at once apply each migration once.
const PG_MIGRATION_LOCK = 727_001;

type Runner = {
  exec(sql: string): Promise<void>;
  appliedNames(): Promise<string[]>;
  record(name: string): Promise<void>;
  forget(name: string): Promise<void>;
  close(): Promise<void>;
};

async function sqliteRunner(url: string): Promise<Runner> {
  const file = sqlitePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file, { timeout: 5_000 });
  conn.pragma("journal_mode = WAL"); // readers never wait for the writer; persists in the file
  conn.exec("CREATE TABLE IF NOT EXISTS portcullis_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");

  return {
    exec: async (sql) => {
      conn.transaction(() => conn.exec(sql))();
    },
    appliedNames: async () => conn.prepare("SELECT name FROM portcullis_migrations ORDER BY name").pluck().all() as string[],
    record: async (name) => {
      conn.prepare("INSERT INTO portcullis_migrations VALUES (?, ?)").run(name, Date.now());
    },
    forget: async (name) => {
      conn.prepare("DELETE FROM portcullis_migrations WHERE name = ?").run(name);
    },
    close: async () => {
      conn.close();
    },
  };
}

async function postgresRunner(url: string): Promise<Runner> {
  const conn = new pg.Client({ connectionString: url });
  await conn.connect();
  await conn.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
  await conn.query("CREATE TABLE IF NOT EXISTS portcullis_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)");

  return {
    exec: async (sql) => {
      await conn.query("BEGIN");
      try {
        await conn.query(sql);
        await conn.query("COMMIT");
      } catch (err) {
        await conn.query("ROLLBACK");
        throw err;
      }
    },
    appliedNames: async () => (await conn.query("SELECT name FROM portcullis_migrations ORDER BY name")).rows.map((r) => r.name),
    record: async (name) => void (await conn.query("INSERT INTO portcullis_migrations VALUES ($1, now())", [name])),
    forget: async (name) => void (await conn.query("DELETE FROM portcullis_migrations WHERE name = $1", [name])),
    close: async () => {
      await conn.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATION_LOCK]);
      await conn.end();
    },
  };
}

/** Applies the committed SQL migrations of the engine DATABASE_URL names, in order, each once. */
export async function migrate(url: string, { log = false } = {}): Promise<string[]> {
  const engine = engineOf(url);
  const runner = engine === "postgresql" ? await postgresRunner(url) : await sqliteRunner(url);
  try {
    const dir = path.join(MIGRATIONS_DIR, engine);
    const storage: UmzugStorage = {
      executed: () => runner.appliedNames(),
      logMigration: ({ name }) => runner.record(name),
      unlogMigration: ({ name }) => runner.forget(name),
    };
    const umzug = new Umzug({
      migrations: readdirSync(dir)
        .filter((name) => /^\d+_/.test(name))
        .sort()
        .map((name) => ({ name, up: () => runner.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8")) })),
      storage,
      logger: log ? console : undefined,
    });
    const applied = await umzug.up();

    return applied.map((m) => m.name);
  } finally {
    await runner.close();
  }
}
