import type { WireToken } from "@/lib/base/contract.shared";
import { apiKey, evictClient, evictTokens } from "./cache";

export type EventRow = { type: string; tokens: string; clientId: string | null; apiContext: string | null; apiVersion: string | null };

/** Evicts what committed events name: their tokens, or a subscription's (client, API). */
export function evictEvents(events: EventRow[]): void {
  const hashes = events.flatMap((e) => (JSON.parse(e.tokens) as WireToken[]).map((t) => t.token_hash));
  evictTokens(hashes);
  for (const e of events)
    if (e.type === "subscription.changed" && e.clientId && e.apiContext !== null && e.apiVersion !== null)
      evictClient(e.clientId, apiKey({ context: e.apiContext, version: e.apiVersion }));
}
