import { migrate } from "@/lib/data/db/migrate";
import pg from "pg";

// Tests that need PostgreSQL whatever DATABASE_URL names (the store's parity test opens both
// engines): a fresh, migrated database on the server at PG_SERVER (as in .ci/run), or the reason
// there is none.
const SERVER = process.env.PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";

export type FreshPostgres = { url: string; drop: () => Promise<void> };

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: `${SERVER}/test`, connectionTimeoutMillis: 3_000 });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Why PostgreSQL tests cannot run here, or null when the server answers. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await admin((c) => c.query("SELECT 1"));
    return null;
  } catch (err) {
    return `no PostgreSQL server at ${SERVER} (set PG_SERVER): ${(err as Error).message}`;
  }
}

/** A new database with every migration applied; `drop()` removes it. */
export async function freshPostgres(label: string): Promise<FreshPostgres> {
  const name = `portcullis_${label}_${Date.now()}_${process.pid}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = `${SERVER}/${name}`;
  await migrate(url);

  return { url, drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}
