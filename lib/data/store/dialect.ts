// What differs between the engines in the SQL both stores run: how a timestamp is written, how a
// list becomes an IN clause, the database's clock, date arithmetic, and the placeholders.
// Everything else is the same text on both (tables and columns are snake_case on both).

export type Statement = { sql: string; params: unknown[] };
/** Encodes a timestamp for the engine: epoch ms on SQLite, UTC text on PostgreSQL. */
export type Time = (ms: number) => unknown;
/** Expands a list parameter: `?, ?, ?` on SQLite, `ANY(?)` with an array on PostgreSQL. */
export type InList = (values: string[]) => Statement;
/** `capped`: created_at + a millisecond count; `latest`: the two-argument max; `timeParam`: a comparable timestamp placeholder. */
export type ShortenEngine = { capped: string; latest: string; timeParam: string };
/** The database's "now" and "now + ? ms", in the engine's timestamp encoding; stable within one statement. */
export type DbClock = { now: string; plus: (param: string) => string };

export type Dialect = {
  time: Time;
  inList: InList;
  shorten: ShortenEngine;
  clock: DbClock;
  /** `?` placeholders as the driver wants them. */
  placeholders: (sql: string) => string;
  /** Appended to a SELECT whose rows an UPDATE then changes: rows another transaction holds are left to it. */
  skipLocked: string;
};

/** Prisma stores DateTime as epoch ms on SQLite (unixepoch-ms, lib/data/db/client.ts). */
export const SQLITE: Dialect = {
  time: (ms) => ms,
  inList: (values) => ({ sql: `IN (${values.map(() => "?").join(", ") || "NULL"})`, params: values }),
  shorten: { capped: "created_at + ?", latest: "MAX", timeParam: "?" },
  clock: {
    now: "CAST(unixepoch('subsec') * 1000 AS INTEGER)",
    plus: (p) => `(CAST(unixepoch('subsec') * 1000 AS INTEGER) + ${p})`,
  },
  placeholders: (sql) => sql,
  skipLocked: "", // one writer at a time: no row locks
};

// Prisma maps DateTime to `timestamp(3)` holding UTC on PostgreSQL. The store reads and writes it
// as UTC text, whatever the process's time zone, and hands epoch ms to the rest of the code.
export const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, -1));
export const parseUtc = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);

/** `?` placeholders → PostgreSQL's `$1, $2, …`. Our statements hold no literal question marks. */
export const numbered = (sql: string) => {
  let n = 0;

  return sql.replace(/\?/g, () => `$${++n}`);
};

export const POSTGRES: Dialect = {
  time: utc,
  inList: (values) => ({ sql: "= ANY(?)", params: [values] }),
  shorten: { capped: "created_at + (?::bigint * interval '1 millisecond')", latest: "GREATEST", timeParam: "?::timestamp" },
  clock: {
    now: "(statement_timestamp() AT TIME ZONE 'UTC')",
    plus: (p) => `(statement_timestamp() AT TIME ZONE 'UTC' + ${p}::bigint * interval '1 millisecond')`,
  },
  placeholders: numbered,
  skipLocked: " FOR UPDATE SKIP LOCKED",
};
