import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { hasRole } from "@/lib/engine/identity/roles.shared";
import type { Role } from "@/lib/users/schemas.shared";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import type { AppSummary } from "./schemas.shared";

/**
 * `role` is passed only by what an admin may do to anyone's application — see its keys, tokens and
 * activity, and revoke; an admin's own edits, secrets and token generation stay owner-only.
 */
type GetAppOrThrowOptions = { appId: string; userId: string; role?: Role | (string & {}) };

/**
 * The user's own, not deleted application (or, for an admin where `role` is passed, anyone's).
 * Anything else — another user's app, a deleted one, an unknown id — is the same `not_found`, so
 * ids cannot be probed (404, never 403).
 */
export async function getAppOrThrow({ appId, userId, role }: GetAppOrThrowOptions): Promise<AppSummary> {
  const owner = hasRole(role as Role | undefined, "admin") ? {} : { ownerId: userId };
  const app = await db.app.findFirst({ where: { id: appId, ...owner, deletedAt: null }, select: APP_SUMMARY_SELECT });
  if (!app) throw new AppError("not_found", "Application not found.");

  return toAppSummary(app);
}
