import { AppError } from "@/lib/base/errors.shared";
import type { CatalogEffect, QueuedNotices, SubscriptionRow } from "@/lib/data/store";
import type { AuditAction } from "@/lib/engine/audit/audit-row";
import { commitCatalogChange } from "@/lib/engine/changes/commit-catalog-change";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { can } from "@/lib/engine/identity/permissions.shared";
import { BLOCKED_STICKS } from "./blocked.shared";
import { loadSubscriptionOrThrow, offeredTierOrThrow } from "./load-subscription";
import type { SubscriptionStatus } from "./schemas";

export type SubscriptionAction =
  | { kind: "approve" }
  | { kind: "reject"; reason: string }
  | { kind: "block"; reason: string }
  | { kind: "remove" }
  | { kind: "change_tier"; tier: string };

type ChangeSubscriptionOptions = {
  where: { id: string } | { appId: string; apiId: string };
  action: SubscriptionAction;
  actor: Actor;
};

type Plan = { effect: CatalogEffect; action: AuditAction; status: SubscriptionStatus | "removed"; detail?: Record<string, unknown> };

const ADMIN_ONLY = new Set(["approve", "reject", "block"]);

/**
 * Approve, reject (or withdraw an approval), block, remove, or change the tier of a subscription. A
 * blocked one only a reviewer may remove (or lift, by approving): subscribe() honours it meanwhile.
 * Whatever begins, ends or changes an active subscription's validation info — an approval or an
 * unblock, unsubscribe, block, tier change, approval withdrawn — queues a subscription.changed
 * notice in the same transaction: one that begins lets gateways drop the refusal they cached.
 */
export async function changeSubscription({
  where,
  action,
  actor,
}: ChangeSubscriptionOptions): Promise<{ status: string; notices: QueuedNotices }> {
  if (ADMIN_ONLY.has(action.kind)) assertCan(actor, "subscriptions.review");
  const sub = await loadSubscriptionOrThrow(where, actor);
  const plan = planOf(sub, action, can(actor, "subscriptions.review"));
  const [wasServing, serves] = [sub.status === "active", plan.status === "active"];
  const tierChanged = plan.effect.kind === "upsert_subscription" && plan.effect.tierId !== sub.tierId;
  const changesWhatGatewaysCache = wasServing !== serves || (serves && tierChanged);
  const clientId = sub.app.clientId;
  const notices = await commitCatalogChange({
    effects: [plan.effect],
    notify: changesWhatGatewaysCache && clientId ? [{ clientId, api: { context: sub.api.context, version: sub.api.version } }] : [],
    events: [
      {
        appId: sub.app.id,
        actor,
        action: plan.action,
        detail: { subscriptionId: sub.id, api: `${sub.api.context}:${sub.api.version}`, from: sub.status, to: plan.status, ...plan.detail },
      },
    ],
  });

  return { status: plan.status, notices };
}

function planOf(sub: SubscriptionRow, action: SubscriptionAction, isAdmin: boolean): Plan {
  const set = (status: SubscriptionStatus, tierId: string, requestedTierId: string | null, reason: string | null): CatalogEffect => ({
    kind: "upsert_subscription",
    subscriptionId: sub.id,
    appId: sub.app.id,
    apiId: sub.api.id,
    tierId,
    requestedTierId,
    status,
    reason,
    isNew: false,
  });
  switch (action.kind) {
    case "approve": {
      if (sub.status === "active" && !sub.requestedTierId) throw new AppError("conflict", "Nothing waits for approval here.");
      if (sub.status === "rejected") throw new AppError("conflict", "A rejected request must be made again by the subscriber.");
      const tierId = sub.requestedTierId ?? sub.tierId;

      return { effect: set("active", tierId, null, null), action: "subscription.approved", status: "active" };
    }
    case "reject":
      if (sub.status === "active" && sub.requestedTierId)
        return {
          effect: set("active", sub.tierId, null, action.reason || null),
          action: "subscription.rejected",
          status: "active",
          detail: { tierRequestDeclined: true, reason: action.reason },
        };
      if (sub.status === "rejected") throw new AppError("conflict", "This subscription is rejected already.");

      return {
        effect: set("rejected", sub.tierId, null, action.reason || null),
        action: "subscription.rejected",
        status: "rejected",
        detail: { reason: action.reason },
      };
    case "block":
      if (sub.status === "blocked") throw new AppError("conflict", "This subscription is blocked already.");

      return {
        effect: set("blocked", sub.tierId, null, action.reason || null),
        action: "subscription.blocked",
        status: "blocked",
        detail: { reason: action.reason },
      };
    case "remove":
      // A block sticks: were its subscriber to remove it, they could subscribe again at once, on any tier.
      if (sub.status === "blocked" && !isAdmin) throw new AppError("conflict", BLOCKED_STICKS);

      return { effect: { kind: "delete_subscription", subscriptionId: sub.id }, action: "subscription.removed", status: "removed" };
    case "change_tier": {
      const tier = offeredTierOrThrow(sub.api, action.tier);
      if (sub.status !== "active" && sub.status !== "pending")
        throw new AppError("conflict", `A ${sub.status} subscription cannot change tier.`);
      if (tier.id === sub.tierId && !sub.requestedTierId) throw new AppError("conflict", "The subscription is on this tier already.");
      // A tier change on an API that needs approval waits for an admin; the old tier keeps serving meanwhile.
      if (sub.api.approvalRequired && !isAdmin && sub.status === "active" && tier.id !== sub.tierId)
        return {
          effect: set("active", sub.tierId, tier.id, null),
          action: "subscription.tier_changed",
          status: "active",
          detail: { requested: tier.name },
        };

      return {
        effect: set(sub.status, tier.id, null, null),
        action: "subscription.tier_changed",
        status: sub.status,
        detail: { tier: tier.name },
      };
    }
  }
}
