import { SQLITE } from "@/lib/data/store/dialect";
import type { DriverStore } from "@/lib/data/store/types";
import { sqliteCatalogChanges } from "./catalog-changes";
import { openSqlite } from "./connection";
import { sqliteHotReads } from "./hot-reads";
import { sqliteIssuance } from "./issuance";
import { sqliteLookups } from "./lookups";
import { sqliteOutbox } from "./outbox";
import { sqliteTokenChanges } from "./token-changes";
import { sqliteUsage } from "./usage";

/** The driver store on one SQLite file, with prepared better-sqlite3 statements. */
export function createSqliteStore(file: string): DriverStore {
  const connection = openSqlite(file);
  const outbox = sqliteOutbox(connection);

  return {
    dialect: SQLITE,
    ...sqliteHotReads(connection),
    ...sqliteIssuance(connection),
    ...sqliteLookups(connection),
    ...sqliteTokenChanges(connection, outbox),
    ...sqliteCatalogChanges(connection, outbox),
    ...outbox.methods,
    ...sqliteUsage(connection),
    async close() {
      connection.conn.close();
    },
  };
}
