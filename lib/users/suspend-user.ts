import { AppError } from "@/lib/base/errors.shared";
import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, actorUserId, type Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { assertAnotherActiveAdmin, findUserOrThrow, type UserRef } from "./find-user-or-throw";

type SuspendUserOptions = UserRef & { actor: Actor; now?: number };

/**
 * Suspends an account. In one transaction: the user is marked suspended, every session of theirs
 * ends, every active token of every one of their applications is revoked and so is every token
 * any application holds for them (code and password grants), their remembered consent and
 * unredeemed codes are deleted, and the audit rows and gateway notices are written. From then on
 * they cannot sign in, their clients get no tokens (lib/data/store's findClient reads the owner's
 * suspension), and no token, refresh token or code of theirs is accepted (the store's lookups read
 * their suspension too). The caller's door flushes the notices.
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
    tokens: { revoke: { personId: user.id, activeAt: now } },
    by: actorName(actor),
    actor,
    detail: (revoked) => ({ userId: user.id, email: user.email, revokedTokens: revoked.length }),
    now,
  });

  return { email: user.email, revokedTokens: changed.length, notices };
}
