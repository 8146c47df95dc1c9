import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import type { TokenListQuery } from "@/lib/base/list-query.shared";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { listTokens, type TokenPage } from "@/lib/tokens/list-tokens";

/** A page of the user's application's tokens (another user's app is `not_found`, unless an admin asks). */
export async function listAppTokens({
  appId,
  actor,
  ...query
}: TokenListQuery & { appId: string; actor: Actor; now?: number }): Promise<TokenPage> {
  const { clientId } = await getAppOrThrow({ appId, actor, may: "apps.read" });

  return listTokens({ clientId, actor, ...query });
}
