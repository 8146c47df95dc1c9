import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { hashPassword } from "@/lib/engine/identity/password";
import { randomBytes } from "node:crypto";
import { emailSchema, passwordSchema } from "./schemas.shared";

type ResetPasswordOptions = { email: string; password?: string; actor: Actor };

/**
 * Sets a new password for an account (the operator's way back in when the admin's was lost).
 * Without `password` one is generated and returned, to be shown once.
 */
export async function resetPassword({
  email,
  password,
  actor,
}: ResetPasswordOptions): Promise<{ email: string; generated: string | null }> {
  assertCan(actor, "users.reset_password");
  const address = emailSchema.parse(email);
  const next = password === undefined ? randomBytes(12).toString("base64url") : passwordSchema.parse(password);
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (!user) throw new AppError("not_found", `No account with email ${address}.`);
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(next) } });

  return { email: address, generated: password === undefined ? next : null };
}
