import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UmzugStorage } from "umzug";
import { engineOf, sqlitePath, type Engine } from "./engine";
import { privateSqliteFile } from "./private-sqlite-file";

// The drivers and Umzug load on first use: a CLI command on an up-to-date database loads only its own engine's driver.
const loadSqlite = async () => (await import("better-sqlite3")).default;
const loadPg = async () => (await import("pg")).default;
// Taken while migrating so that several portal instances starting at once apply each migration once.
const PG_MIGRATION_LOCK = 727_001;

type Runner = {
  exec(sql: string): Promise<void>;
  appliedNames(): Promise<string[]>;
  record(name: string): Promise<void>;
  forget(name: string): Promise<void>;
  /** After a schema change: the planner's statistics, which nothing else may refresh (autovacuum can be off). */
  analyze(): Promise<void>;
  close(): Promise<void>;
};

async function sqliteRunner(url: string): Promise<Runner> {
  const file = privateSqliteFile(sqlitePath(url));
  const Database = await loadSqlite();
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
    analyze: async () => {}, // without sqlite_stat1, SQLite's planner takes an index on the WHERE's column
    close: async () => {
      conn.close();
    },
  };
}

async function postgresRunner(url: string): Promise<Runner> {
  const pg = await loadPg();
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
    analyze: async () => void (await conn.query("ANALYZE")),
    close: async () => {
      await conn.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATION_LOCK]);
      await conn.end();
    },
  };
}

/**
 * prisma/migrations of this checkout, found from this module rather than the working directory: the
 * source (lib/data/db), the bundle (dist/chunks) and a `portcullis` called from elsewhere all find it.
 */
function migrationsDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve("prisma/migrations"); // not inside the checkout: its working directory
  }
}

const migrationNames = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /^\d+_/.test(name))
    .sort();

/** True when every migration is recorded as applied: one query, no lock, nothing written. Any doubt says false. */
async function isCurrent(url: string, engine: Engine, names: string[]): Promise<boolean> {
  const applied = new Set<string>();
  try {
    if (engine === "sqlite") {
      const file = sqlitePath(url);
      if (file === ":memory:" || !existsSync(file)) return false;
      const conn = new (await loadSqlite())(file, { readonly: true, timeout: 5_000 });
      try {
        for (const name of conn.prepare("SELECT name FROM portcullis_migrations").pluck().all() as string[]) applied.add(name);
      } finally {
        conn.close();
      }
    } else {
      const conn = new (await loadPg()).Client({ connectionString: url });
      await conn.connect();
      try {
        for (const { name } of (await conn.query("SELECT name FROM portcullis_migrations")).rows) applied.add(name);
      } finally {
        await conn.end();
      }
    }
  } catch {
    return false; // no table yet, or no database: the full path below says what is wrong
  }

  return names.every((name) => applied.has(name));
}

/**
 * Applies the committed SQL migrations of the engine DATABASE_URL names, in order, each once. An
 * up-to-date database costs one query; the lock and Umzug are for a schema that is behind.
 */
export async function migrate(url: string, { log = false } = {}): Promise<string[]> {
  const engine = engineOf(url);
  const dir = path.join(migrationsDir(), engine);
  const names = migrationNames(dir);
  if (await isCurrent(url, engine, names)) return [];
  const { Umzug } = await import("umzug");
  const runner = engine === "postgresql" ? await postgresRunner(url) : await sqliteRunner(url);
  try {
    const storage: UmzugStorage = {
      executed: () => runner.appliedNames(),
      logMigration: ({ name }) => runner.record(name),
      unlogMigration: ({ name }) => runner.forget(name),
    };
    const umzug = new Umzug({
      migrations: names.map((name) => ({ name, up: () => runner.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8")) })),
      storage,
      logger: log ? console : undefined,
    });
    const applied = await umzug.up();
    if (applied.length > 0) await runner.analyze();

    return applied.map((m) => m.name);
  } finally {
    await runner.close();
  }
}
