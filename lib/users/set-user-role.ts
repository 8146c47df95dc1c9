import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import * as z from "zod";
import { assertAnotherActiveAdmin, findUserOrThrow, type UserRef } from "./find-user-or-throw";
import { ROLES, type Role } from "./schemas.shared";

export const setRoleSchema = z.object({ role: z.enum(ROLES, { error: `One of ${ROLES.join(", ")}.` }) });

/** Promotes or demotes an account. The change applies from the user's next request (sessions re-read the role). */
export async function setUserRole({ actor, role, ...ref }: UserRef & { role: unknown; actor: Actor }) {
  assertCan(actor, "users.manage");
  const { role: next } = setRoleSchema.parse({ role });
  const user = await findUserOrThrow(ref);
  if (user.role === "admin" && next !== "admin") await assertAnotherActiveAdmin(user.id);
  if (user.role !== next) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { role: next } });
      const detail = { userId: user.id, email: user.email, from: user.role, to: next };
      await recordAuditEvent({ appId: null, actor, action: "user.role_changed", detail }, tx);
    });
  }

  return { email: user.email, role: next as Role };
}
