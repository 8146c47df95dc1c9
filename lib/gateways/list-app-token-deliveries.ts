import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { listTokenDeliveries, type TokenDelivery } from "./list-token-deliveries";

type ListAppTokenDeliveriesOptions = { appId: string; tokenId: string; actor: Actor };

/**
 * The gateway acknowledgements of one token of the user's application. Another user's app, or a
 * token of another client (even the user's own other app), is `not_found`, so ids cannot be probed.
 */
export async function listAppTokenDeliveries({ appId, tokenId, actor }: ListAppTokenDeliveriesOptions): Promise<TokenDelivery[]> {
  const { clientId } = await getAppOrThrow({ appId, actor, may: "apps.read" });
  const token = await db.token.findFirst({ where: { id: tokenId, clientId }, select: { id: true } });
  if (!token) throw new AppError("not_found", "Token not found.");

  return listTokenDeliveries({ tokenId });
}
