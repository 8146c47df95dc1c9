import { AppError } from "@/lib/base/errors.shared";
import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, actorUserId, type Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { assertAnotherActiveAdmin, findUserOrThrow, type UserRef } from "./find-user-or-throw";

type SuspendUserOptions = UserRef & { actor: Actor; now?: number };

/**
 * Suspends an account. In one transaction: the user is marked suspended, every session of theirs
 * ends, every active token of every one of their applications is revoked, and the audit rows and
 * gateway notices are written. From then on they cannot sign in and their clients get no tokens
 * (lib/data/store's findClient reads the owner's suspension). The caller's door flushes the notices.
 */
export async function suspendUser({
  actor,
  now = Date.now(),
  ...ref
}: SuspendUserOptions): Promise<{ email: string; revokedTokens: number; notices: QueuedNotices }> {
  assertCan(actor, "users.manage");
  const user = await findUserOrThrow(ref);
  if (user.id === actorUserId(actor)) throw new AppError("conflict", "You cannot suspend yourself.");
  if (user.role === "admin") await assertAnotherActiveAdmin(user.id);
  const { changed, notices } = await commitTokenChange({
    cause: "user_suspended",
    effect: { userId: user.id },
    tokens: { revoke: { ownerId: user.id, activeAt: now } },
    by: actorName(actor),
    actor,
    detail: (revoked) => ({ userId: user.id, email: user.email, revokedTokens: revoked.length }),
    now,
  });

  return { email: user.email, revokedTokens: changed.length, notices };
}
