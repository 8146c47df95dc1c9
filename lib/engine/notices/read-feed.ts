import { SUBSCRIPTION_CHANGED, type FeedEvent, type FeedPage, type WireToken } from "@/lib/base/contract.shared";
import { db } from "@/lib/data/db/client";

export const FEED_MAX_LIMIT = 500;

/**
 * The catch-up feed: events after `after`, in sequence order, listing only tokens that have not
 * expired, and subscription.changed events with their client and API in place of tokens (a gateway need not evict what it would reject anyway). Events owing nothing are skipped,
 * but `next_after` still moves past them.
 */
export async function readFeed({ after, limit, now = Date.now() }: { after: number; limit: number; now?: number }): Promise<FeedPage> {
  const rows = await db.revocationEvent.findMany({
    where: { sequence: { gt: after }, expiresAt: { gt: new Date(now) } },
    orderBy: { sequence: "asc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const events = page.flatMap((e): FeedEvent[] => {
    const head = { id: e.id, type: e.type, sequence: e.sequence, timestamp: e.createdAt.toISOString() };
    if (e.type === SUBSCRIPTION_CHANGED && e.clientId && e.apiContext && e.apiVersion)
      return [{ ...head, client_id: e.clientId, api: { context: e.apiContext, version: e.apiVersion } }];
    const tokens = (JSON.parse(e.tokens) as WireToken[]).filter((t) => Date.parse(t.expires_at) > now);
    return tokens.length ? [{ ...head, tokens }] : [];
  });

  return { events, next_after: page.at(-1)?.sequence ?? after, has_more: rows.length > limit };
}
