import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { tooManyMessage } from "@/lib/engine/identity/messages.shared";
import { hashPassword, verifyPassword } from "@/lib/engine/identity/password";
import { passwordCheckLimiter, type LoginLimiter } from "@/lib/engine/identity/rate-limit";
import { endUserSessions } from "@/lib/sessions/end-user-sessions";
import * as z from "zod";
import { assertStrongPassword } from "./assert-strong-password";
import { passwordSchema } from "./schemas.shared";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(256),
  newPassword: passwordSchema,
});

type ChangePasswordOptions = { userId: string; input: unknown; ip?: string | null; limiter?: LoginLimiter };

/**
 * Sets a new password and ends every session of the user in the same transaction, so whoever
 * holds an old cookie (or knew the old password) is out at once; the user signs in again. Whoever
 * holds a session cannot guess the password behind it faster than sign-in allows (LOGIN_LIMITS).
 */
export async function changePassword({ userId, input, ip = null, limiter }: ChangePasswordOptions) {
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  const attempt = { email: user.email, ip };
  const limits = limiter ?? (await passwordCheckLimiter());
  const verdict = await limits.consume(attempt);
  if (!verdict.allowed) throw new AppError("too_many_requests", tooManyMessage(verdict.retryAfterMs));
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("invalid_input", "Some fields need attention.", { currentPassword: ["This is not your current password."] });
  }
  await limits.refund(attempt);
  await assertStrongPassword({ password: newPassword, email: user.email, field: "newPassword" });
  const passwordHash = await hashPassword(newPassword);
  const [, ended] = await db.$transaction(async (tx) => [
    await tx.user.update({ where: { id: userId }, data: { passwordHash } }),
    await endUserSessions({ userId }, tx),
  ]);

  return { endedSessions: ended };
}
