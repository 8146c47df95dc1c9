import { listTokens, type TokenSummary } from "@/lib/tokens/list-tokens";
import { getAppOrThrow } from "./get-app-or-throw";

/** The tokens of the user's application, newest first (another user's app is `not_found`). */
export async function listAppTokens({ appId, userId }: { appId: string; userId: string }): Promise<TokenSummary[]> {
  const { clientId } = await getAppOrThrow({ appId, userId });

  return listTokens({ clientId });
}
