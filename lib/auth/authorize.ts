import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { ACCOUNT_SUSPENDED, INVALID_CREDENTIALS, tooManyMessage } from "@/lib/engine/identity/messages.shared";
import { hashPassword, verifyPassword } from "@/lib/engine/identity/password";
import { loginLimiter, type LoginLimiter } from "@/lib/engine/identity/rate-limit";
import type { SessionUser } from "@/lib/engine/identity/roles.shared";
import type { Role } from "@/lib/users/schemas.shared";
import { randomBytes } from "node:crypto";

export type AuthorizeOptions = { email?: unknown; password?: unknown; ip?: string | null; limiter?: LoginLimiter };

// Unknown emails are checked against this hash too, so the answer takes as long as for a real account.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a sign-in. Every failure throws the same message (no account oracle); over a limit
 * (see LOGIN_LIMITS) it throws too_many_requests before any password is checked.
 */
export async function authorizeCredentials({ email, password, ip, limiter }: AuthorizeOptions): Promise<SessionUser> {
  // Length caps come first: nothing an attacker sends is stored (as a limiter key) or hashed beyond them.
  if (
    typeof email !== "string" ||
    typeof password !== "string" ||
    !email.trim() ||
    email.length > 254 ||
    !password ||
    password.length > 256
  ) {
    throw new AppError("unauthorized", INVALID_CREDENTIALS);
  }
  const normalized = email.trim().toLowerCase();
  const attempt = { email: normalized, ip };
  const limits = limiter ?? (await loginLimiter());
  const verdict = await limits.consume(attempt);
  if (!verdict.allowed) throw new AppError("too_many_requests", tooManyMessage(verdict.retryAfterMs));
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs)); // repeated failures slow down, none locks

  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, suspendedAt: true },
  });
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid) throw new AppError("unauthorized", INVALID_CREDENTIALS);
  await limits.refund(attempt);
  // Said only to whoever knows the password: the owner learns why, a guesser learns nothing new.
  if (user.suspendedAt) throw new AppError("forbidden", ACCOUNT_SUSPENDED);

  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
