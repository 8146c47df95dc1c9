import { db } from "@/lib/data/db/client";
import type { Role } from "@/lib/users/schemas.shared";
import { getAppOrThrow } from "./get-app-or-throw";
import type { OverseenApp } from "./list-all-apps";

/** Any application not deleted, with its owner, for an admin (anyone else gets `not_found` for another's app). */
export async function getOverseenApp({ appId, user }: { appId: string; user: { id: string; role: Role } }): Promise<OverseenApp> {
  const app = await getAppOrThrow({ appId, userId: user.id, role: user.role });
  const { owner } = await db.app.findUniqueOrThrow({
    where: { id: app.id },
    select: { owner: { select: { email: true, suspendedAt: true } } },
  });

  return { ...app, ownerEmail: owner.email, ownerSuspended: owner.suspendedAt !== null };
}
