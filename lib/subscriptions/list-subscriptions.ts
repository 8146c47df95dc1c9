import type { ApiStatus } from "@/lib/apis/schemas.shared";
import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { db } from "@/lib/data/db/client";
import type { Actor, Person } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import type { SubscriptionStatus, SubscriptionSummary } from "./schemas";

const SELECT = {
  id: true,
  status: true,
  reason: true,
  createdAt: true,
  tier: { select: { name: true } },
  requestedTierId: true,
  app: { select: { id: true, name: true, client: { select: { id: true } } } },
  api: {
    select: {
      id: true,
      name: true,
      context: true,
      version: true,
      status: true,
      gatewayUrl: true,
      tiers: { select: { tier: { select: { id: true, name: true } } } },
    },
  },
} as const;

type Row = {
  id: string;
  status: string;
  reason: string | null;
  createdAt: Date;
  tier: { name: string };
  requestedTierId: string | null;
  app: { id: string; name: string; client: { id: string } | null };
  api: {
    id: string;
    name: string;
    context: string;
    version: string;
    status: string;
    gatewayUrl: string | null;
    tiers: { tier: { id: string; name: string } }[];
  };
};

const toSummary = (r: Row): SubscriptionSummary => ({
  id: r.id,
  app: { id: r.app.id, name: r.app.name, clientId: r.app.client?.id ?? null },
  api: {
    id: r.api.id,
    name: r.api.name,
    context: r.api.context,
    version: r.api.version,
    status: r.api.status as ApiStatus,
    gatewayUrl: r.api.gatewayUrl,
    tiers: r.api.tiers.map((t) => t.tier.name),
  },
  tier: r.tier.name,
  requestedTier: r.api.tiers.find((t) => t.tier.id === r.requestedTierId)?.tier.name ?? null,
  status: r.status as SubscriptionStatus,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

/** One application's subscriptions, for its owner (anyone else's application is `not_found`). */
export async function listAppSubscriptions({ appId, actor }: { appId: string; actor: Actor }): Promise<SubscriptionSummary[]> {
  await getAppOrThrow({ appId, actor, may: "subscriptions.request" });
  const rows = await db.subscription.findMany({ where: { appId }, select: SELECT, orderBy: { createdAt: "asc" } });

  return rows.map(toSummary);
}

/** The person's subscriptions to one API, across their applications (the API page's state). */
export async function listUserSubscriptionsToApi({ actor, apiId }: { actor: Person; apiId: string }): Promise<SubscriptionSummary[]> {
  const rows = await db.subscription.findMany({ where: { apiId, app: { ownerId: actor.id, deletedAt: null } }, select: SELECT });

  return rows.map(toSummary);
}

/** What waits for an admin: new requests and tier changes. */
export async function listPendingSubscriptions({ actor }: { actor: Actor }): Promise<SubscriptionSummary[]> {
  assertCan(actor, "subscriptions.review");
  const rows = await db.subscription.findMany({
    where: { OR: [{ status: "pending" }, { status: "active", requestedTierId: { not: null } }], app: { deletedAt: null } },
    select: SELECT,
    orderBy: { createdAt: "asc" },
    take: 200,
  });

  return rows.map(toSummary);
}
