import { AppError } from "@/lib/base/errors.shared";
import { store, type SubscriptionRow } from "@/lib/data/store";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { can } from "@/lib/engine/identity/permissions.shared";

/**
 * A subscription the actor may act on: a reviewer any, a subscriber only their own application's.
 * Anything else is the same `not_found`, so ids cannot be probed. Read by the driver store, where
 * the change commits.
 */
export async function loadSubscriptionOrThrow(
  where: { id: string } | { appId: string; apiId: string },
  actor: Actor,
): Promise<SubscriptionRow> {
  const found = await store().findSubscription(where);
  if (!found || found.app.deletedAt !== null || !(can(actor, "subscriptions.review") || can(actor, "subscriptions.request", found.app)))
    throw new AppError("not_found", "Subscription not found.");

  return found;
}

/** The tier of that name if the API offers it. */
export function offeredTierOrThrow<T extends { id: string; name: string }>(api: { tiers: T[] }, name: string): T {
  const tier = api.tiers.find((t) => t.name === name);
  if (!tier) {
    const offered = api.tiers.map((t) => t.name).join(", ");
    throw new AppError("bad_request", `This API offers the tiers ${offered}.`, { tier: [`Choose one of ${offered}.`] });
  }

  return tier;
}
