import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { getAppOrThrow } from "./get-app-or-throw";
import type { OverseenApp } from "./list-all-apps";

/** Any application not deleted, with its owner, for an admin (anyone else gets `not_found`, even for their own). */
export async function getOverseenApp({ appId, actor }: { appId: string; actor: Actor }): Promise<OverseenApp> {
  const app = await getAppOrThrow({ appId, actor, may: "apps.oversee" });
  const { owner } = await db.app.findUniqueOrThrow({
    where: { id: app.id },
    select: { owner: { select: { email: true, suspendedAt: true } } },
  });

  return { ...app, ownerEmail: owner.email, ownerSuspended: owner.suspendedAt !== null };
}
