// The databases `npm run bench` measures on, empty at the start of every run.
import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";

export const SQLITE_BENCH_URL = "file:./data/bench/portcullis.db";

export function freshSqlite() {
  rmSync("data/bench", { recursive: true, force: true });
  mkdirSync("data/bench", { recursive: true });

  return SQLITE_BENCH_URL;
}

/** Drops and creates the database `url` names, through the server's `postgres` database. */
export async function freshPostgres(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`BENCH_PG_URL names an unexpected database: ${name}`);
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }

  return url;
}
