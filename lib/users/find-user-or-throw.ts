import { AppError } from "@/lib/base/errors.shared";
import { store } from "@/lib/data/store";
import { emailSchema } from "./schemas.shared";

export type UserRef = { userId: string } | { email: string };

/**
 * The account an admin (by id, in the portal) or an operator (by email, in the CLI) names, read by the
 * driver store, where a suspension commits.
 */
export async function findUserOrThrow(ref: UserRef) {
  const by = "userId" in ref ? { id: ref.userId } : { email: emailSchema.parse(ref.email) };
  const user = await store().findUser(by);
  if (!user) throw new AppError("not_found", "id" in by ? "User not found." : `No account with email ${by.email}.`);

  return user;
}

/** Refuses a change that would leave no admin able to sign in. */
export async function assertAnotherActiveAdmin(userId: string) {
  if ((await store().countActiveAdmins(userId)) === 0)
    throw new AppError("conflict", "This is the only active admin: promote someone else first.");
}
