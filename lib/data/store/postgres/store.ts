import { POSTGRES } from "@/lib/data/store/dialect";
import type { DriverStore } from "@/lib/data/store/types";
import { postgresCatalogChanges } from "./catalog-changes";
import { connectPostgres } from "./connection";
import { postgresHotReads } from "./hot-reads";
import { postgresIssuance } from "./issuance";
import { postgresLookups } from "./lookups";
import { postgresOutbox } from "./outbox";
import { postgresTokenChanges } from "./token-changes";
import { postgresUsage } from "./usage";

/** The driver store on PostgreSQL: named prepared statements on a small pool of its own. */
export function createPostgresStore(connectionString: string): DriverStore {
  const connection = connectPostgres(connectionString);
  const outbox = postgresOutbox(connection);

  return {
    dialect: POSTGRES,
    ...postgresHotReads(connection),
    ...postgresIssuance(connection),
    ...postgresLookups(connection),
    ...postgresTokenChanges(connection, outbox),
    ...postgresCatalogChanges(connection, outbox),
    ...outbox.methods,
    ...postgresUsage(connection),
    close: connection.close,
  };
}
