import { env } from "@/lib/base/env";
import { engineOf } from "@/lib/data/db/engine";
import { POSTGRES_CLOCK, SQLITE_CLOCK, type DbClock } from "@/lib/data/store/outbox-sql";
import { numbered } from "@/lib/data/store/sql";

/**
 * An outbox statement (lib/data/store/outbox-sql) for Prisma's raw queries: on the database's clock and in
 * the engine's placeholders, since due times are never an instance's clock.
 */
export const outboxStatement = (build: (clock: DbClock) => string) =>
  engineOf(env.DATABASE_URL) === "postgresql" ? numbered(build(POSTGRES_CLOCK)) : build(SQLITE_CLOCK);
