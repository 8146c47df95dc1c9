import { env } from "@/lib/base/env";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";

/**
 * Makes the database refuse every audit row of one application (a trigger, on either engine): a
 * real write failure inside the transaction that should carry it. Returns what removes the trigger.
 */
export async function refuseAuditRows(appId: string): Promise<() => Promise<void>> {
  const name = `refuse_audit_${appId.replace(/\W/g, "_")}`;
  const app = appId.replace(/'/g, "''");
  if (engineOf(env.DATABASE_URL) === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit row refused'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.app_id = '${app}') EXECUTE FUNCTION ${name}()`,
    );

    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON audit_events`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON audit_events WHEN NEW.app_id = '${app}' BEGIN SELECT RAISE(ABORT, 'audit row refused'); END`,
  );

  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER ${name}`));
}
