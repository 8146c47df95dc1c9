import { SQLITE, type Statement } from "@/lib/data/store/dialect";
import { lookups } from "@/lib/data/store/lookups-sql";
import type { Lookups } from "@/lib/data/store/types";
import type { SqliteConnection } from "./connection";

/** The reads a change's verb makes before it commits, on SQLite. */
export function sqliteLookups({ stmt }: SqliteConnection): Lookups {
  return lookups(async <R>({ sql, params }: Statement) => stmt(sql).all(...params) as R[], SQLITE);
}
