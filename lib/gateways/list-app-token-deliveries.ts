import { getAppTokensOrThrow } from "@/lib/apps/get-app-tokens-or-throw";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { listTokenDeliveries, type TokenDelivery } from "./list-token-deliveries";

type ListAppTokenDeliveriesOptions = { appId: string; tokenId: string; actor: Actor };

/**
 * The gateway acknowledgements of one token of the user's application. Another user's app, or a
 * token of another client (even the user's own other app), is `not_found`, so ids cannot be probed.
 */
export async function listAppTokenDeliveries({ appId, tokenId, actor }: ListAppTokenDeliveriesOptions): Promise<TokenDelivery[]> {
  await getAppTokensOrThrow({ appId, tokenIds: [tokenId], actor, may: "apps.read" });

  return listTokenDeliveries({ tokenId });
}
