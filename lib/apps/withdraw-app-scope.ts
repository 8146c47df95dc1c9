import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { getAppOrThrow } from "./get-app-or-throw";
import { listAppScopes } from "./list-app-scopes";
import { appScopeSchema } from "./schemas.shared";

type WithdrawAppScopeOptions = { appId: string; scope: string; actor: Actor };

/**
 * Takes a privileged scope back, with its audit row in the same transaction: the application's
 * requests for it are invalid_scope from now on, and its refreshes drop it. Tokens already issued
 * keep it until they expire (README, "Scopes").
 */
export async function withdrawAppScope({ appId, actor, ...input }: WithdrawAppScopeOptions) {
  const app = await getAppOrThrow({ appId, actor, may: "apps.grant_scopes" });
  const { scope } = appScopeSchema.parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.appScope.deleteMany({ where: { appId: app.id, scopeName: scope } });
    if (count === 0) throw new AppError("not_found", `${scope} is not granted to this application.`, { scope: ["Not granted."] });
    await recordAuditEvent({ appId: app.id, actor, action: "app.scope_withdrawn", detail: { scope } }, tx);
  });

  return listAppScopes({ appId: app.id, actor });
}
