import { AppError } from "@/lib/base/errors.shared";
import { hasRole, type SessionUser } from "@/lib/engine/identity/roles.shared";

export type AdminActor = Pick<SessionUser, "id" | "email" | "role">;

/** Gateways are an admin's business; every gateway verb checks it itself, whoever calls. */
export function assertAdmin(actor: AdminActor): void {
  if (!hasRole(actor.role, "admin")) throw new AppError("forbidden", "Requires the admin role.");
}
