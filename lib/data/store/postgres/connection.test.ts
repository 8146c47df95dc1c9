import { isDatabaseUnavailable } from "@/lib/data/db/connection-errors";
import { freshPostgres, postgresUnavailable, type FreshPostgres } from "@/lib/testing/postgres-server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPostgres, type PostgresConnection } from "./connection";

const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`postgres/connection.test.ts skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)("a transaction whose connection is lost", () => {
  let database: FreshPostgres;
  let store: PostgresConnection;
  let admin: pg.Client;
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);

  beforeAll(async () => {
    database = await freshPostgres("connection");
    store = connectPostgres(database.url);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    process.on("uncaughtException", onUncaught);
  });
  afterAll(async () => {
    process.off("uncaughtException", onUncaught);
    await store?.close();
    await admin?.end();
    await database?.drop();
  });

  const terminate = async (c: pg.PoolClient) => {
    const { rows } = await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
  };

  it("between two statements: fails with the server's own error, not the ROLLBACK's, and nothing is uncaught", async () => {
    const failure = await store
      .transaction(async (c) => {
        await terminate(c);
        await new Promise((r) => setTimeout(r, 200)); // idle in transaction when the backend goes
        await c.query("SELECT 1");
      })
      .catch((err: unknown) => err);

    expect(failure).toMatchObject({ code: "57P01" }); // admin_shutdown: "terminating connection due to administrator command"
    expect(isDatabaseUnavailable(failure)).toBe(true); // so the door answers 503 + Retry-After, not 500
    expect(uncaught).toEqual([]);
  });

  it("under a statement: the statement's error", async () => {
    const failure = await store
      .transaction(async (c) => {
        const { rows } = await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        const sleeping = c.query("SELECT pg_sleep(10)");
        sleeping.catch(() => {}); // it may reject before the await below: not an unhandled rejection of the test's own making
        await new Promise((r) => setTimeout(r, 100));
        await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
        await sleeping;
      })
      .catch((err: unknown) => err);

    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(uncaught).toEqual([]);
  });

  it("leaves the pool working: the broken client is not handed out again", async () => {
    const pids = new Set<number>();
    for (let i = 0; i < 3; i++)
      await store.transaction(async (c) => {
        pids.add((await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid);
      });
    const { rows } = await admin.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])", [
      [...pids],
    ]);

    expect(rows[0].n).toBe(pids.size); // every client it used is a live backend
    expect(uncaught).toEqual([]);
  });
});
