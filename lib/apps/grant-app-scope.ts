import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { getAppOrThrow } from "./get-app-or-throw";
import { listAppScopes } from "./list-app-scopes";
import { appScopeSchema } from "./schemas.shared";

type GrantAppScopeOptions = { appId: string; scope: string; actor: Actor };

/**
 * Lets one application request a privileged catalog scope, from its next token request on; the
 * grant and its audit row commit together. Granting one it already holds changes nothing.
 */
export async function grantAppScope({ appId, actor, ...input }: GrantAppScopeOptions) {
  const app = await getAppOrThrow({ appId, actor, may: "apps.grant_scopes" });
  const { scope } = appScopeSchema.parse(input);
  const found = await db.scope.findUnique({
    where: { name: scope },
    select: { privileged: true, grantedTo: { where: { appId: app.id }, select: { appId: true } } },
  });
  if (!found) throw new AppError("bad_request", `${scope} is not in the scope catalog.`, { scope: ["Not in the catalog."] });
  if (!found.privileged)
    throw new AppError("bad_request", `${scope} is an open scope: any application may request it.`, {
      scope: ["Open to every application."],
    });
  if (found.grantedTo.length === 0)
    await db.$transaction(async (tx) => {
      await tx.appScope.upsert({
        where: { appId_scopeName: { appId: app.id, scopeName: scope } },
        create: { appId: app.id, scopeName: scope },
        update: {},
      });
      await recordAuditEvent({ appId: app.id, actor, action: "app.scope_granted", detail: { scope } }, tx);
    });

  return listAppScopes({ appId: app.id, actor });
}
