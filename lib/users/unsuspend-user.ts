import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { findUserOrThrow, type UserRef } from "./find-user-or-throw";

/** Lifts a suspension: the user may sign in and get tokens again. Tokens revoked by the suspension stay revoked. */
export async function unsuspendUser({ actor, ...ref }: UserRef & { actor: Actor }) {
  assertCan(actor, "users.manage");
  const user = await findUserOrThrow(ref);
  if (user.suspendedAt) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { suspendedAt: null } });
      const detail = { userId: user.id, email: user.email };
      await recordAuditEvent({ appId: null, actor, action: "user.unsuspended", detail }, tx);
    });
  }

  return { email: user.email, suspended: false };
}
