import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";

/** Which figures a chart may count: one application's (for whoever may read it, else `not_found`), or every one's. */
export type StatsScope = { actor: Actor; appId?: string };

/** The client whose figures to count, or undefined for the whole house (`stats.read_all`). */
export async function scopedClient({ actor, appId }: StatsScope): Promise<string | undefined> {
  if (appId === undefined) {
    assertCan(actor, "stats.read_all");

    return undefined;
  }

  return (await getAppOrThrow({ appId, actor, may: "apps.read" })).clientId;
}
