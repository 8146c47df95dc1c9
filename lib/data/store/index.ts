import { env } from "@/lib/base/env";
import { engineOf, sqlitePath } from "@/lib/data/db/engine";
import { POSTGRES, SQLITE } from "./dialect";
import type { DriverStore } from "./types";

export type * from "./types";

// One store per process, shared by Next's bundles and the custom server (see lib/data/db/client.ts).
const globalForStore = globalThis as unknown as { portcullisStore?: DriverStore };

export function store(): DriverStore {
  return (globalForStore.portcullisStore ??= loadStore(env.DATABASE_URL));
}

/**
 * The engine's store, whose module (and driver) loads on first use: a SQLite process never loads pg,
 * which would cost each CLI command a tenth of a second. Calls made meanwhile wait for it; once it has
 * loaded, store() returns it. A failure to open is thrown to those calls, and the next call tries again.
 */
function loadStore(url: string): DriverStore {
  const postgres = engineOf(url) === "postgresql";
  const loaded = (
    postgres
      ? import("./postgres/store").then((m) => m.createPostgresStore(url))
      : import("./sqlite/store").then((m) => m.createSqliteStore(sqlitePath(url)))
  ).then(
    (opened) => (globalForStore.portcullisStore = opened),
    (err: unknown) => {
      globalForStore.portcullisStore = undefined;
      throw err;
    },
  );
  const loading = { dialect: postgres ? POSTGRES : SQLITE } as DriverStore;

  return new Proxy(loading, {
    get(target, key) {
      if (key === "dialect") return target.dialect;
      if (typeof key !== "string" || key === "then") return undefined; // not a thenable, whoever awaits it

      return async (...args: unknown[]) => ((await loaded)[key as keyof DriverStore] as (...a: unknown[]) => unknown)(...args);
    },
  });
}
