import { loadSessionSecret } from "@/lib/auth/session-secret";
import { env } from "@/lib/base/env";
import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { migrate } from "@/lib/data/db/migrate";
import { createUser } from "@/lib/users/create-user";
import { randomBytes } from "node:crypto";
import { listenToEngine } from "./listen-to-engine";

const DEFAULT_ADMIN_EMAIL = "admin@portcullis.local";

/**
 * What every process does before serving: listen to the engine's hooks, apply migrations, make
 * sure sessions have a signing key shared by all instances (NEXTAUTH_SECRET wins when set), and
 * seed the first admin.
 */
export async function bootstrap({ log = console.log }: { log?: (line: string) => void } = {}) {
  listenToEngine();
  await migrate(env.DATABASE_URL);
  process.env.NEXTAUTH_SECRET ||= await loadSessionSecret();
  await seedAdmin(log);
}

/**
 * ADMIN_EMAIL set: that account exists as an admin (made with ADMIN_PASSWORD, or a generated one,
 * if missing; an existing account is left as it is). Unset: a default admin is made when there is none.
 */
async function seedAdmin(log: (line: string) => void) {
  const email = process.env.ADMIN_EMAIL?.toLowerCase();
  const exists = email
    ? await db.user.findUnique({ where: { email }, select: { email: true } })
    : await db.user.findFirst({ where: { role: "admin" }, orderBy: { createdAt: "asc" }, select: { email: true } });
  if (exists) {
    // The first start printed a generated password once; say how to get in if it was lost.
    if (!process.env.ADMIN_PASSWORD) {
      log(`  Portcullis admin: ${exists.email}. Lost the password? npm run cli -- users reset-password --email ${exists.email}`);
    }
    return;
  }
  const password = process.env.ADMIN_PASSWORD || randomBytes(12).toString("base64url");
  try {
    await createUser({ email: email ?? DEFAULT_ADMIN_EMAIL, password, role: "admin" });
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") return; // an instance starting beside this one made it first, and printed it
    throw err;
  }
  log(
    `\n  Portcullis admin created — sign in as ${email ?? DEFAULT_ADMIN_EMAIL} with password ${process.env.ADMIN_PASSWORD ? "(from ADMIN_PASSWORD)" : password}\n`,
  );
}
