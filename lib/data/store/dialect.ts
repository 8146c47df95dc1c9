// The little that differs between the engines when a statement is written above the store (the
// change pipeline's token statements and effects, lib/engine/changes): how a time is bound, how
// a list is bound, and the few function names. The store runs what its owners build with it.

/** One statement with `?` placeholders (the PostgreSQL store numbers them). */
export type Statement = { sql: string; params: unknown[] };

export type Dialect = {
  /** A timestamp as the engine stores it: epoch ms on SQLite, UTC text on PostgreSQL. */
  time(ms: number): unknown;
  /** A list parameter: `IN (?, ?, ?)` on SQLite, `= ANY(?)` with one array on PostgreSQL. */
  inList(values: string[]): Statement;
  /** A timestamp placeholder the engine can pass to a function such as `greatest`. */
  timeParam: string;
  /** `<column> + <a millisecond count bound as a parameter>`, for a timestamp column. */
  plusMs(column: string): string;
  /** The two-argument maximum. */
  greatest: string;
};

/** Prisma's DateTime as UTC text (`timestamp(3)`), whatever the process's time zone. */
export const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, -1));

export const SQLITE_DIALECT: Dialect = {
  time: (ms) => ms, // Prisma stores DateTime as epoch ms on SQLite (unixepoch-ms)
  inList: (values) => ({ sql: `IN (${values.map(() => "?").join(", ") || "NULL"})`, params: values }),
  timeParam: "?",
  plusMs: (column) => `${column} + ?`,
  greatest: "MAX",
};

export const POSTGRES_DIALECT: Dialect = {
  time: utc,
  inList: (values) => ({ sql: "= ANY(?)", params: [values] }),
  timeParam: "?::timestamp",
  plusMs: (column) => `${column} + (?::bigint * interval '1 millisecond')`,
  greatest: "GREATEST",
};
