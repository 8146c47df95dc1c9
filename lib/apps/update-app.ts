import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import { assertAppLifetimes } from "./assert-app-lifetimes";
import { assertNameFree } from "./assert-name-free";
import { getAppOrThrow } from "./get-app-or-throw";
import { updateAppSchema, type AppSummary, type UpdateAppInput } from "./schemas.shared";

type UpdateAppOptions = UpdateAppInput & { appId: string; actor: Actor };

/** Renames an application or changes its description, redirect URIs or own token lifetimes. Only the owner may. */
export async function updateApp({ appId, actor, ...input }: UpdateAppOptions): Promise<AppSummary> {
  const changes = updateAppSchema.parse(input);
  const before = await getAppOrThrow({ appId, actor, may: "apps.update" });
  if (changes.name !== undefined) {
    const { ownerId } = await db.app.findUniqueOrThrow({ where: { id: appId }, select: { ownerId: true } });
    await assertNameFree({ ownerId, name: changes.name, exceptAppId: appId });
  }
  if (changes.accessTokenTtl !== undefined || changes.refreshTokenTtl !== undefined)
    assertAppLifetimes(await readTokenPolicy(), before, changes);
  const { redirectUris, ...rest } = changes;

  return db.$transaction(async (tx) => {
    const app = await tx.app.update({
      where: { id: appId },
      data: { ...rest, ...(redirectUris ? { redirectUris: JSON.stringify(redirectUris) } : {}) },
      select: APP_SUMMARY_SELECT,
    });
    const detail = {
      changed: Object.keys(changes),
      ...(changes.name !== undefined && changes.name !== before.name ? { from: before.name, to: changes.name } : {}),
    };
    await recordAuditEvent({ appId, actor, action: "app.updated", detail }, tx);

    return toAppSummary(app);
  });
}
