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
  query: <R extends pg.QueryResultRow>(
    on: Queryable,
    name: string | undefined,
    text: string,
    values: unknown[],
  ) => Promise<pg.QueryResult<R>>;
  /** BEGIN … COMMIT on one checked-out client; a failure reports its first error (a lost connection's own), never the ROLLBACK's. */
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
    // While checked out, the pool's own listener is off: a connection lost now (between two
    // statements, or under one) would be an uncaught exception without this one.
    let lost: Error | undefined;
    const onError = (err: Error) => {
      if (lost) return; // the loss, then the socket's end: one line
      lost = err;
      logLoss(err);
    };
    c.on("error", onError);
    let rollbackFailed: Error | undefined;
    try {
      await c.query("BEGIN");
      const result = await work(c);
      await c.query("COMMIT");
      return result;
    } catch (err) {
      // The first failure is the one to report: the connection's own error if it was lost (a statement
      // on it then fails only with "not queryable"), else the statement's. A ROLLBACK on a dead
      // connection fails too, and must not replace it.
      const first = lost ?? err;
      await c.query("ROLLBACK").catch((rollbackErr: Error) => (rollbackFailed = rollbackErr));
      throw first;
    } finally {
      c.off("error", onError);
      c.release(lost ?? rollbackFailed); // a broken client is closed, not handed to the next caller
    }
  }

  return { pool, query, transaction, close: () => pool.end() };
}
