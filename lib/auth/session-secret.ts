import { decryptSecret, encryptSecret } from "@/lib/base/secret-box";
import { db } from "@/lib/data/db/client";
import { randomBytes } from "node:crypto";

export const SESSION_SECRET_KEY = "internal.auth_secret";
const SEALED = /^v\d+\./;

/**
 * The key that signs session cookies, shared by every instance through the settings table and
 * sealed there with the encryption key that protects gateway signing secrets: a database backup
 * alone cannot forge a session. A value stored in clear by an older version is sealed on first read.
 */
export async function loadSessionSecret(): Promise<string> {
  // createMany+skipDuplicates is not on SQLite; an upsert that never updates keeps the first writer's value.
  const fresh = encryptSecret(randomBytes(32).toString("base64url"));
  const row = await db.setting.upsert({
    where: { key: SESSION_SECRET_KEY },
    create: { key: SESSION_SECRET_KEY, value: fresh },
    update: {},
  });
  if (SEALED.test(row.value)) return decryptSecret(row.value);
  // Only the clear value is replaced, so two instances migrating at once agree on the same secret.
  await db.setting.updateMany({ where: { key: SESSION_SECRET_KEY, value: row.value }, data: { value: encryptSecret(row.value) } });

  return row.value;
}
