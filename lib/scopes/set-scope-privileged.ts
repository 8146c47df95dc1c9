import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";

type SetScopePrivilegedOptions = { name: string; privileged: boolean; actor: Actor };

/**
 * Marks a catalog scope privileged (only applications granted it may request it, from the next
 * request on) or open again; the change commits with its audit row. Grants are kept either way.
 */
export async function setScopePrivileged({ name, privileged, actor }: SetScopePrivilegedOptions) {
  assertCan(actor, "scopes.manage");
  const found = await db.scope.findUnique({ where: { name }, select: { privileged: true } });
  if (!found) throw new AppError("not_found", `No scope ${name} in the catalog.`);
  if (found.privileged !== privileged)
    await db.$transaction(async (tx) => {
      await tx.scope.update({ where: { name }, data: { privileged } });
      await recordAuditEvent({ appId: null, actor, action: "scope.changed", detail: { name, privileged } }, tx);
    });

  return { name, privileged };
}
