import { logConnectionLoss } from "@/lib/data/db/connection-errors";
import { numbered, parseUtc } from "@/lib/data/store/dialect";
import pg from "pg";

// Timestamps come back as epoch ms (dialect.ts): `timestamp` columns hold UTC, whatever the process's time zone.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? parseUtc : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

export type Queryable = pg.Pool | pg.PoolClient;

export type PostgresConnection = {
  pool: pg.Pool;
  /** One statement with `?` placeholders; `name` makes it a prepared statement on each connection. */
  query: <R extends pg.QueryResultRow>(on: Queryable, name: string | undefined, text: string, values: unknown[]) => Promise<pg.QueryResult<R>>;
  /** BEGIN … COMMIT on one checked-out client. */
  transaction: <T>(work: (c: pg.PoolClient) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/** A small pool of the store's own (each portal instance keeps one). */
export function connectPostgres(connectionString: string): PostgresConnection {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  const logLoss = logConnectionLoss("store");
  pool.on("error", logLoss); // an idle connection dropped: the pool reconnects on next use
  const query = <R extends pg.QueryResultRow>(on: Queryable, name: string | undefined, text: string, values: unknown[]) =>
    on.query<R>({ name, text: numbered(text), values });

  async function transaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      const result = await work(c);
      await c.query("COMMIT");
      return result;
    } catch (err) {
      await c.query("ROLLBACK");
      throw err;
    } finally {
      c.release();
    }
  }

  return { pool, query, transaction, close: () => pool.end() };
}
