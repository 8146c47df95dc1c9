import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { emailSchema } from "./schemas.shared";

export type UserRef = { userId: string } | { email: string };

/** The account an admin (by id, in the portal) or an operator (by email, in the CLI) names. */
export async function findUserOrThrow(ref: UserRef) {
  const where = "userId" in ref ? { id: ref.userId } : { email: emailSchema.parse(ref.email) };
  const user = await db.user.findUnique({ where, select: { id: true, email: true, role: true, suspendedAt: true } });
  if (!user) throw new AppError("not_found", "userId" in ref ? "User not found." : `No account with email ${where.email}.`);

  return user;
}

/** Refuses a change that would leave no admin able to sign in. */
export async function assertAnotherActiveAdmin(userId: string) {
  const others = await db.user.count({ where: { role: "admin", suspendedAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("conflict", "This is the only active admin: promote someone else first.");
}
