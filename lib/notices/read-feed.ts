import { db } from "@/lib/db/client";
import type { FeedEvent, FeedPage, WireToken } from "./contract";

export const FEED_MAX_LIMIT = 500;

/**
 * The catch-up feed: events after `after`, in sequence order, listing only tokens that have not
 * expired (a gateway need not evict what it would reject anyway). Events owing nothing are skipped,
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
    const tokens = (JSON.parse(e.tokens) as WireToken[]).filter((t) => Date.parse(t.expires_at) > now);
    return tokens.length ? [{ id: e.id, type: e.type, sequence: e.sequence, timestamp: e.createdAt.toISOString(), tokens }] : [];
  });

  return { events, next_after: page.at(-1)?.sequence ?? after, has_more: rows.length > limit };
}
