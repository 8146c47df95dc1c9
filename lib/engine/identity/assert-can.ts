import { AppError } from "@/lib/base/errors.shared";
import type { Actor } from "./actor.shared";
import { can, PERMISSIONS, type Action, type Who } from "./permissions.shared";
import { ROLE_RANK, ROLES, type Role } from "./roles.shared";

/** The `forbidden` for an actor who may not: it names the least role that may, read from the table. */
export function forbidden(action: Action): AppError {
  const whos: readonly Who[] = PERMISSIONS[action];
  const roles = ROLES.filter((r: Role) => whos.includes(r)).sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);

  return new AppError("forbidden", roles.length > 0 ? `Requires the ${roles[0]} role.` : "Only the operator may do this.");
}

/** For actions on no one's resource (gateways, APIs, settings, …): `forbidden` when the actor may not. */
export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden(action);
}
