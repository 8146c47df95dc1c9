import { listTokens, type TokenPage } from "@/lib/tokens/list-tokens";
import type { TokenListQuery } from "@/lib/tokens/token-list-query";
import { getAppOrThrow } from "./get-app-or-throw";

/** A page of the user's application's tokens (another user's app is `not_found`). */
export async function listAppTokens({
  appId,
  userId,
  ...query
}: TokenListQuery & { appId: string; userId: string; now?: number }): Promise<TokenPage> {
  const { clientId } = await getAppOrThrow({ appId, userId });

  return listTokens({ clientId, ...query });
}
