import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import path from "node:path";

const OWNER_ONLY = 0o600;

/**
 * Makes the SQLite file only its owner can read before SQLite opens it: it holds every account's
 * password hash and the sealed session secret, and SQLite would create it with the umask's 0644.
 * SQLite gives the -wal and -shm files the database file's mode; those left by an older start are
 * tightened here too. Returns the path, ready to open.
 */
export function privateSqliteFile(file: string): string {
  if (file === ":memory:") return file;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    closeSync(openSync(file, "wx", OWNER_ONLY)); // SQLite takes an empty file as a new database
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    // A path from DATABASE_URL: Next's tracer need not include the whole project for it.
    if (existsSync(/*turbopackIgnore: true*/ f) && (statSync(/*turbopackIgnore: true*/ f).mode & 0o077) !== 0) chmodSync(f, OWNER_ONLY);
  }

  return file;
}
