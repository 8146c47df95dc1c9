import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Person } from "@/lib/engine/identity/actor.shared";
import { tooManyMessage } from "@/lib/engine/identity/messages.shared";
import { hashPassword, verifyPassword } from "@/lib/engine/identity/password";
import { passwordCheckLimiter, type LoginLimiter } from "@/lib/engine/identity/rate-limit";
import * as z from "zod";
import { assertStrongPassword } from "./assert-strong-password";
import { passwordSchema } from "./schemas.shared";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(256),
  newPassword: passwordSchema,
  /** Also revoke every token of the applications the person authorized, and forget their consent. */
  signOutApplications: z.boolean().default(false),
});

type ChangePasswordOptions = { actor: Person; input: unknown; limiter?: LoginLimiter; now?: number };

/**
 * Sets a new password and, in the same transaction, ends every session of the person and revokes the
 * tokens their old password gave applications (password grants, RFC 6749 §4.3): whoever holds an old
 * cookie, knew the old password or kept what it bought is out at once; the person signs in again. With
 * `signOutApplications`, every application they authorized loses its tokens and the consent too. Whoever
 * holds a session cannot guess the password behind it faster than sign-in allows (LOGIN_LIMITS).
 * The caller's door flushes the notices.
 */
export async function changePassword({
  actor,
  input,
  limiter,
  now = Date.now(),
}: ChangePasswordOptions): Promise<{ revokedTokens: number; notices: QueuedNotices }> {
  const { currentPassword, newPassword, signOutApplications } = changePasswordSchema.parse(input);
  const userId = actor.id;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  const attempt = { email: user.email, ip: actor.ip ?? null };
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
  const { changed, notices } = await commitTokenChange({
    cause: "password_changed",
    effect: { userId, passwordHash, signOutApplications },
    tokens: { revoke: signOutApplications ? { heldFor: userId } : { heldFor: userId, passwordGrants: true } },
    by: actorName(actor),
    actor,
    detail: (revoked) => ({ userId, signOutApplications, revokedTokens: revoked.length }),
    now,
  });

  return { revokedTokens: changed.length, notices };
}
