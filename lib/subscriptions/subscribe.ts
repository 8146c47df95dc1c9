import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { QueuedNotices } from "@/lib/data/store";
import { commitCatalogChange } from "@/lib/engine/changes/commit-catalog-change";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { can } from "@/lib/engine/identity/permissions.shared";
import { randomUUID } from "node:crypto";
import { BLOCKED_STICKS } from "./blocked.shared";
import { offeredTierOrThrow } from "./load-subscription";
import { subscribeSchema, type SubscribeInput, type SubscriptionStatus } from "./schemas";

type SubscribeOptions = SubscribeInput & {
  actor: Actor;
  /** A reviewer (the operator, an admin) subscribing any application: no approval needed. */
  asAdmin?: boolean;
};

/**
 * Subscribes an application to a published API version on one of its tiers: pending when the API
 * needs approval, active otherwise. An active one queues a subscription.changed notice in the same
 * transaction, so gateways drop the refusal they cached for it. A subscriber may subscribe only
 * their own application; another's, a deleted one or a draft API is `not_found`, a deprecated or
 * retired one is refused, and so is an application whose subscription to it is blocked.
 */
export async function subscribe({
  actor,
  asAdmin = false,
  ...input
}: SubscribeOptions): Promise<{ id: string; status: SubscriptionStatus; notices: QueuedNotices }> {
  const { appId, apiId, tier: tierName } = subscribeSchema.parse(input);
  if (asAdmin) assertCan(actor, "subscriptions.review");
  const app = await db.app.findFirst({
    where: { id: appId, deletedAt: null },
    select: { id: true, name: true, ownerId: true, client: { select: { id: true } } },
  });
  if (!app || (!asAdmin && !can(actor, "subscriptions.request", app)))
    throw new AppError("not_found", "Application not found.", { appId: ["Application not found."] });
  const api = await db.api.findUnique({
    where: { id: apiId },
    select: { id: true, context: true, version: true, status: true, approvalRequired: true, tiers: { select: { tier: true } } },
  });
  if (!api || api.status === "draft") throw new AppError("not_found", "API not found.");
  if (api.status !== "published")
    throw new AppError("bad_request", `This API is ${api.status}: it takes no new subscriptions.`, {
      apiId: [`This API is ${api.status}.`],
    });
  const tier = offeredTierOrThrow({ tiers: api.tiers.map((t) => t.tier) }, tierName);
  const existing = await db.subscription.findUnique({ where: { appId_apiId: { appId, apiId } }, select: { id: true, status: true } });
  // The blocked row is the block: it stays until a reviewer lifts or removes it, whatever tier is asked for.
  if (existing?.status === "blocked") throw new AppError("conflict", BLOCKED_STICKS, { appId: [BLOCKED_STICKS] });
  if (existing && existing.status !== "rejected")
    throw new AppError("conflict", `This application's subscription is ${existing.status} already.`, { appId: ["Subscribed already."] });
  const status: SubscriptionStatus = api.approvalRequired && !asAdmin ? "pending" : "active";
  const id = existing?.id ?? randomUUID();
  const notices = await commitCatalogChange({
    effects: [
      {
        kind: "upsert_subscription",
        subscriptionId: id,
        appId,
        apiId,
        tierId: tier.id,
        requestedTierId: null,
        status,
        reason: null,
        isNew: !existing,
      },
    ],
    notify: status === "active" && app.client ? [{ clientId: app.client.id, api: { context: api.context, version: api.version } }] : [],
    events: [
      {
        appId,
        actor,
        action: status === "pending" ? "subscription.requested" : "subscription.approved",
        detail: { subscriptionId: id, api: `${api.context}:${api.version}`, tier: tier.name, status },
      },
    ],
  });

  return { id, status, notices };
}
