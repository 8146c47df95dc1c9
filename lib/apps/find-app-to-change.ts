import { AppError } from "@/lib/base/errors.shared";
import { store, type AppRow } from "@/lib/data/store";
import { can } from "@/lib/engine/identity/permissions.shared";
import type { GetAppOrThrowOptions } from "./get-app-or-throw";

/**
 * getAppOrThrow's rule — a not deleted application the actor `may` act on, else the same `not_found` —
 * on the driver store's row, for a change that commits there (deleting the application), so that its
 * door never starts Prisma.
 */
export async function findAppToChangeOrThrow({ appId, actor, may }: GetAppOrThrowOptions): Promise<AppRow> {
  const app = await store().findApp({ id: appId });
  if (!app || app.deletedAt !== null || !can(actor, may, app)) throw new AppError("not_found", "Application not found.");

  return app;
}
