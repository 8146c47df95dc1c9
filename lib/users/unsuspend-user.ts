import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { findUserOrThrow, type UserRef } from "./find-user-or-throw";
import type { Operator } from "./suspend-user";

/** Lifts a suspension: the user may sign in and get tokens again. Tokens revoked by the suspension stay revoked. */
export async function unsuspendUser({ actor, ip, ...ref }: UserRef & { actor: Operator; ip?: string | null }) {
  const user = await findUserOrThrow(ref);
  if (user.suspendedAt) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { suspendedAt: null } });
      const detail = { userId: user.id, email: user.email };
      await recordAuditEvent({ appId: null, actorId: actor.id, actor: actor.email, action: "user.unsuspended", detail, ip }, tx);
    });
  }

  return { email: user.email, suspended: false };
}
