import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { can, type Action } from "@/lib/engine/identity/permissions.shared";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import type { AppSummary } from "./schemas.shared";

export type GetAppOrThrowOptions = { appId: string; actor: Actor; may: Action };

/**
 * A not deleted application the actor `may` act on (lib/engine/identity/permissions.shared.ts: the
 * owner, or an admin for what admins may do to anyone's). Anything else — another user's app, a
 * deleted one, an unknown id — is the same `not_found`, so ids cannot be probed (404, never 403).
 */
export async function getAppOrThrow({ appId, actor, may }: GetAppOrThrowOptions): Promise<AppSummary> {
  const app = await db.app.findFirst({ where: { id: appId, deletedAt: null }, select: { ...APP_SUMMARY_SELECT, ownerId: true } });
  if (!app || !can(actor, may, app)) throw new AppError("not_found", "Application not found.");

  return toAppSummary(app);
}
