import { getAppTokensOrThrow } from "@/lib/apps/get-app-tokens-or-throw";
import type { Role } from "@/lib/users/schemas.shared";
import { listTokenDeliveries, type TokenDelivery } from "./list-token-deliveries";

type ListAppTokenDeliveriesOptions = { appId: string; tokenId: string; userId: string; role?: Role };

/**
 * The gateway acknowledgements of one token of the user's application. Another user's app, or a
 * token of another client (even the user's own other app), is `not_found`, so ids cannot be probed.
 */
export async function listAppTokenDeliveries({ appId, tokenId, userId, role }: ListAppTokenDeliveriesOptions): Promise<TokenDelivery[]> {
  await getAppTokensOrThrow({ appId, tokenIds: [tokenId], userId, role });

  return listTokenDeliveries({ tokenId });
}
