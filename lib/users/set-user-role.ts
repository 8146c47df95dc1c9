import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import * as z from "zod";
import { assertAnotherActiveAdmin, findUserOrThrow, type UserRef } from "./find-user-or-throw";
import { ROLES, type Role } from "./schemas.shared";
import type { Operator } from "./suspend-user";

export const setRoleSchema = z.object({ role: z.enum(ROLES, { error: `One of ${ROLES.join(", ")}.` }) });

/** Promotes or demotes an account. The change applies from the user's next request (sessions re-read the role). */
export async function setUserRole({ actor, ip, role, ...ref }: UserRef & { role: unknown; actor: Operator; ip?: string | null }) {
  const { role: next } = setRoleSchema.parse({ role });
  const user = await findUserOrThrow(ref);
  if (user.role === "admin" && next !== "admin") await assertAnotherActiveAdmin(user.id);
  if (user.role !== next) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { role: next } });
      const detail = { userId: user.id, email: user.email, from: user.role, to: next };
      await recordAuditEvent({ appId: null, actorId: actor.id, actor: actor.email, action: "user.role_changed", detail, ip }, tx);
    });
  }

  return { email: user.email, role: next as Role };
}
