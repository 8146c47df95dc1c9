import { env } from "@/lib/base/env";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { logConnectionLoss } from "./connection-errors";
import { engineOf, sqlitePath } from "./engine";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { privateSqliteFile } from "./private-sqlite-file";

// Both generated clients come from one schema, so they share one API; the app is typed
// against the SQLite one.
export type Db = SqliteClient;

function createDb(url: string): Db {
  if (engineOf(url) === "postgresql") {
    const pool = new pg.Pool({ connectionString: url });
    pool.on("error", logConnectionLoss("prisma"));
    return new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
  }

  // Epoch milliseconds make timestamps plain integers that the hot-path store compares directly.
  return new SqliteClient({
    adapter: new PrismaBetterSqlite3({ url: privateSqliteFile(sqlitePath(url)), timeout: 5_000 }, { timestampFormat: "unixepoch-ms" }),
  });
}

// One client per process, shared by Next's bundles and the custom server (they load this module separately).
const globalForDb = globalThis as unknown as { portcullisDb?: Db };
export const db: Db = globalForDb.portcullisDb ?? (globalForDb.portcullisDb = createDb(env.DATABASE_URL));
