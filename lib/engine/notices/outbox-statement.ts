import { env } from "@/lib/base/env";
import { engineOf } from "@/lib/data/db/engine";
import { POSTGRES, SQLITE, type Dialect } from "@/lib/data/store/dialect";

/**
 * An outbox statement (lib/data/store/outbox-sql) for Prisma's raw queries: on the database's clock and in
 * the engine's placeholders, since due times are never an instance's clock.
 */
export const outboxStatement = (build: (dialect: Dialect) => string) => {
  const dialect = engineOf(env.DATABASE_URL) === "postgresql" ? POSTGRES : SQLITE;

  return dialect.placeholders(build(dialect));
};
