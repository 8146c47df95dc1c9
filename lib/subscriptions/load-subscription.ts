import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { can } from "@/lib/engine/identity/permissions.shared";

const SELECT = {
  id: true,
  status: true,
  tierId: true,
  requestedTierId: true,
  app: { select: { id: true, name: true, ownerId: true, deletedAt: true, client: { select: { id: true } } } },
  api: {
    select: { id: true, name: true, context: true, version: true, status: true, approvalRequired: true, tiers: { select: { tier: true } } },
  },
} as const;

export type LoadedSubscription = NonNullable<Awaited<ReturnType<typeof findSubscription>>>;

const findSubscription = (where: { id: string } | { appId_apiId: { appId: string; apiId: string } }) =>
  db.subscription.findUnique({ where, select: SELECT });

/**
 * A subscription the actor may act on: a reviewer any, a subscriber only their own application's.
 * Anything else is the same `not_found`, so ids cannot be probed.
 */
export async function loadSubscriptionOrThrow(
  where: { id: string } | { appId_apiId: { appId: string; apiId: string } },
  actor: Actor,
): Promise<LoadedSubscription> {
  const found = await findSubscription(where);
  if (!found || found.app.deletedAt || !(can(actor, "subscriptions.review") || can(actor, "subscriptions.request", found.app)))
    throw new AppError("not_found", "Subscription not found.");

  return found;
}

/** The tier of that name if the API offers it. */
export function offeredTierOrThrow(api: { tiers: { tier: { id: string; name: string } }[] }, name: string) {
  const tier = api.tiers.find((t) => t.tier.name === name)?.tier;
  if (!tier) {
    const offered = api.tiers.map((t) => t.tier.name).join(", ");
    throw new AppError("bad_request", `This API offers the tiers ${offered}.`, { tier: [`Choose one of ${offered}.`] });
  }

  return tier;
}
