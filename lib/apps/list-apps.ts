import { db } from "@/lib/db/client";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import type { AppSummary } from "./schemas";

/** The owner's applications, newest first; deleted ones are gone from the list. */
export async function listApps({ ownerId }: { ownerId: string }): Promise<AppSummary[]> {
  const apps = await db.app.findMany({
    where: { ownerId, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: APP_SUMMARY_SELECT,
  });

  return apps.map(toAppSummary);
}
