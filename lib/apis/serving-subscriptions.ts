import { db } from "@/lib/data/db/client";
import type { Prisma } from "@/lib/data/db/generated/sqlite/client";

type ApiRef = { context: string; version: string };

/** The (client, API) pairs of active subscriptions matching `where`: who gateways must hear of when their API changes. */
async function activeSubscriptions(where: Prisma.SubscriptionWhereInput): Promise<{ clientId: string; api: ApiRef }[]> {
  const rows = await db.subscription.findMany({
    where: { ...where, status: "active" },
    select: { api: { select: { context: true, version: true } }, app: { select: { client: { select: { id: true } } } } },
  });

  return rows.flatMap((s) =>
    s.app.client ? [{ clientId: s.app.client.id, api: { context: s.api.context, version: s.api.version } }] : [],
  );
}

/** An API version's active subscriptions. */
export const servingSubscriptions = (apiId: string) => activeSubscriptions({ apiId });

/** The active subscriptions to every API version that follows the global `backend_jwt` default (has not chosen itself). */
export const subscriptionsFollowingBackendJwtDefault = () => activeSubscriptions({ api: { backendJwt: null } });
