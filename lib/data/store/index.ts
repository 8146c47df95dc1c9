import { env } from "@/lib/base/env";
import { engineOf, sqlitePath } from "@/lib/data/db/engine";
import { createPostgresStore } from "./postgres/store";
import { createSqliteStore } from "./sqlite/store";
import type { DriverStore } from "./types";

export type * from "./types";

// One store per process, shared by Next's bundles and the custom server (see lib/data/db/client.ts).
const globalForStore = globalThis as unknown as { portcullisStore?: DriverStore };

export function store(): DriverStore {
  if (globalForStore.portcullisStore) return globalForStore.portcullisStore;
  const url = env.DATABASE_URL;

  return (globalForStore.portcullisStore = engineOf(url) === "postgresql" ? createPostgresStore(url) : createSqliteStore(sqlitePath(url)));
}
