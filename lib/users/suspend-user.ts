import { AppError } from "@/lib/base/errors.shared";
import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { assertAnotherActiveAdmin, findUserOrThrow, type UserRef } from "./find-user-or-throw";

/** Who acts on accounts: an admin in the portal, or the operator's CLI (no user id). */
export type Operator = { id: string | null; email: string };

type SuspendUserOptions = UserRef & { actor: Operator; ip?: string | null; now?: number };

/**
 * Suspends an account. In one transaction: the user is marked suspended, every session of theirs
 * ends, every active token of every one of their applications is revoked, and the audit rows and
 * gateway notices are written. From then on they cannot sign in and their clients get no tokens
 * (lib/data/store's findClient reads the owner's suspension). The caller's door flushes the notices.
 */
export async function suspendUser({
  actor,
  ip,
  now = Date.now(),
  ...ref
}: SuspendUserOptions): Promise<{ email: string; revokedTokens: number; notices: QueuedNotices }> {
  const user = await findUserOrThrow(ref);
  if (user.id === actor.id) throw new AppError("conflict", "You cannot suspend yourself.");
  if (user.role === "admin") await assertAnotherActiveAdmin(user.id);
  const { changed, notices } = await commitTokenChange({
    cause: "user_suspended",
    effect: { userId: user.id },
    tokens: { revoke: { ownerId: user.id, activeAt: now } },
    by: actor.email,
    actor: { appId: null, actorId: actor.id, actor: actor.email, ip },
    detail: (revoked) => ({ userId: user.id, email: user.email, revokedTokens: revoked.length }),
    now,
  });

  return { email: user.email, revokedTokens: changed.length, notices };
}
