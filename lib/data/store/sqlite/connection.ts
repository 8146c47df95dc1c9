import { env } from "@/lib/base/env";
import { privateSqliteFile } from "@/lib/data/db/private-sqlite-file";
import Database from "better-sqlite3";

export type SqliteConnection = {
  conn: Database.Database;
  /** The prepared statement for this text, prepared once. */
  stmt: (sql: string) => Database.Statement;
};

/**
 * One better-sqlite3 connection. Every transaction on it is synchronous, so nothing else runs on
 * it in between; SQLite has one writer at a time, so a claim needs no row locks.
 */
export function openSqlite(file: string): SqliteConnection {
  const conn = new Database(privateSqliteFile(file), { timeout: 5_000 });
  conn.pragma("journal_mode = WAL");
  // NORMAL: a commit survives the process's crash, not the machine's (power loss, a kernel panic may roll
  // back the last commits before a checkpoint); FULL syncs the WAL at every commit (README, "Durability").
  conn.pragma(`synchronous = ${env.PORTCULLIS_SQLITE_SYNC.toUpperCase()}`);
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => cache.get(sql) ?? cache.set(sql, conn.prepare(sql)).get(sql)!;

  return { conn, stmt };
}
