import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import type { TokenListQuery } from "@/lib/base/list-query.shared";
import { listTokens, type TokenPage } from "@/lib/tokens/list-tokens";
import type { Role } from "@/lib/users/schemas.shared";

/** A page of the user's application's tokens (another user's app is `not_found`, unless an admin asks). */
export async function listAppTokens({
  appId,
  userId,
  role,
  ...query
}: TokenListQuery & { appId: string; userId: string; role?: Role; now?: number }): Promise<TokenPage> {
  const { clientId } = await getAppOrThrow({ appId, userId, role });

  return listTokens({ clientId, ...query });
}
