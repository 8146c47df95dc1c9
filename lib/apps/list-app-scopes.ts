import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { getAppOrThrow } from "./get-app-or-throw";
import type { AppScopeGrant } from "./schemas.shared";

type ListAppScopesOptions = { appId: string; actor: Actor };

/** The catalog's privileged scopes, and which of them an admin granted to this application (open scopes need no grant). */
export async function listAppScopes({ appId, actor }: ListAppScopesOptions): Promise<AppScopeGrant[]> {
  const app = await getAppOrThrow({ appId, actor, may: "apps.grant_scopes" });
  const scopes = await db.scope.findMany({
    where: { privileged: true },
    select: { name: true, description: true, grantedTo: { where: { appId: app.id }, select: { grantedAt: true } } },
    orderBy: { name: "asc" },
  });

  return scopes.map((s) => ({
    name: s.name,
    description: s.description,
    grantedAt: s.grantedTo[0]?.grantedAt.toISOString() ?? null,
  }));
}
