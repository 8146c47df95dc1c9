import { POSTGRES, type Statement } from "@/lib/data/store/dialect";
import { lookups } from "@/lib/data/store/lookups-sql";
import type { Lookups } from "@/lib/data/store/types";
import type pg from "pg";
import type { PostgresConnection } from "./connection";

/** The reads a change's verb makes before it commits, on PostgreSQL: unnamed statements, as each is read once or twice a change. */
export function postgresLookups({ pool, query }: PostgresConnection): Lookups {
  return lookups(
    async <R>({ sql, params }: Statement) => (await query<R & pg.QueryResultRow>(pool, undefined, sql, params)).rows,
    POSTGRES,
  );
}
