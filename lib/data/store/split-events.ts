import { MAX_TOKENS_PER_EVENT, toWireToken } from "@/lib/base/contract.shared";
import type { ChangedToken, NoticeType } from "@/lib/data/store/types";
import { randomUUID } from "node:crypto";

/** An event as the change writes it; the database stamps its created_at (outbox-sql.ts insertEvent). */
export type EventRow = { id: string; type: NoticeType; tokens: string; expiresAt: number; tokenIds: string[] };
/** An event of a batch, with the changes (their indexes in the batch) whose tokens it carries. */
export type BatchEventRow = EventRow & { changes: number[] };
type Change = { type: NoticeType; tokens: ChangedToken[] };

/**
 * A group-committed batch's events. Consecutive changes of one type share their events (at most 500
 * tokens each): 25 revocations committed together are one notice to each gateway, not 25, so the
 * fan-out grows with the batches, not the requests (100 gateways were 100 sends per revocation).
 * Only consecutive ones: a revocation, a re-approval and a revocation of one token must reach the
 * gateways in that order, as three events, for the last to be what they keep.
 */
export function batchIntoEvents(changes: Change[]): BatchEventRow[] {
  const events: BatchEventRow[] = [];
  for (let start = 0; start < changes.length;) {
    let end = start;
    while (end + 1 < changes.length && changes[end + 1].type === changes[start].type) end++;
    const run = changes.slice(start, end + 1).flatMap((c, k) => c.tokens.map((token) => ({ token, change: start + k })));
    for (let i = 0; i < run.length; i += MAX_TOKENS_PER_EVENT) {
      const chunk = run.slice(i, i + MAX_TOKENS_PER_EVENT);
      events.push({
        ...eventOf(
          changes[start].type,
          chunk.map((c) => c.token),
        ),
        changes: [...new Set(chunk.map((c) => c.change))],
      });
    }
    start = end + 1;
  }

  return events;
}

/** One event of at most 500 tokens, with its wire-ready token list and a fresh webhook-id. */
function eventOf(type: NoticeType, chunk: ChangedToken[]): EventRow {
  return {
    id: `evt_${randomUUID().replace(/-/g, "")}`,
    type,
    tokens: JSON.stringify(chunk.map(toWireToken)),
    expiresAt: Math.max(...chunk.map((t) => t.expiresAt)), // after it, nobody is owed this event
    tokenIds: chunk.map((t) => t.id),
  };
}
