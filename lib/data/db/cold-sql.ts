import { env } from "@/lib/base/env";
import { db } from "./client";
import { engineOf } from "./engine";

// The few cold queries Prisma's query builder cannot express (date arithmetic between columns,
// batched deletes, counts by day), run through Prisma as raw SQL. Write them with `?` for values
// and `:ts` for timestamps (pass `at(ms)`); this module adapts both to the engine. Hot paths use lib/data/store.

const postgres = () => engineOf(env.DATABASE_URL) === "postgresql";

/** A timestamp parameter: epoch ms on SQLite (as Prisma stores DateTime there), UTC text on PostgreSQL. */
const timeParam = (ms: number) => (postgres() ? new Date(ms).toISOString().slice(0, -1) : ms);

function adapt(sql: string): string {
  if (!postgres()) return sql.replace(/:ts\b/g, "?");
  let n = 0;

  return sql.replace(/:ts\b/g, "?::timestamp").replace(/\?/g, () => `$${++n}`);
}

type Param = number | string | null | { time: number };
const encode = (params: Param[]) => params.map((p) => (p !== null && typeof p === "object" ? timeParam(p.time) : p));

export const at = (ms: number) => ({ time: ms });

export const coldQuery = <R>(sql: string, ...params: Param[]) => db.$queryRawUnsafe<R[]>(adapt(sql), ...encode(params));
export const coldExecute = (sql: string, ...params: Param[]) => db.$executeRawUnsafe(adapt(sql), ...encode(params));

/** The engine's expression for `created_at + ? milliseconds` (the parameter is a number). */
export const plusMs = (column: string) => (postgres() ? `${column} + (?::bigint * interval '1 millisecond')` : `${column} + ?`);

/** The engine's expression for a timestamp column's UTC day, as YYYY-MM-DD. */
export const utcDay = (column: string) =>
  postgres() ? `to_char(${column}, 'YYYY-MM-DD')` : `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;
