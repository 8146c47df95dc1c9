import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import type { AppSummary } from "./schemas";

type GetAppOrThrowOptions = { appId: string; userId: string };

/**
 * The user's own, not deleted application. Anything else — another user's app, a deleted one, an
 * unknown id — is the same `not_found`, so ids cannot be probed (404, never 403).
 */
export async function getAppOrThrow({ appId, userId }: GetAppOrThrowOptions): Promise<AppSummary> {
  const app = await db.app.findFirst({ where: { id: appId, ownerId: userId, deletedAt: null }, select: APP_SUMMARY_SELECT });
  if (!app) throw new AppError("not_found", "Application not found.");

  return toAppSummary(app);
}
