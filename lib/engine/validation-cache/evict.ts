import type { ApiRef, CauseEffect, TokenChangeResult } from "@/lib/data/store";
import { apiKey, evictClient, evictTokens } from "./cache";

// The committing process evicts in memory right after its store transaction commits, before its
// door answers: a revocation's HTTP answer never precedes its eviction. Other processes hear of
// the change (lib/engine/validation-cache/watch-changes.ts).

/** After a token change committed: its changed tokens, and every answer of a deleted application's client. */
export function evictAfterTokenChange(effect: CauseEffect | undefined, result: TokenChangeResult): TokenChangeResult {
  evictTokens(result.changed.map((t) => t.hash));
  if (effect?.kind === "delete_app") evictClient(effect.clientId, null);

  return result;
}

/** After a subscription change committed: each (client, API) whose validation info ended or changed. */
export function evictAfterSubscriptionChange<T>(notify: { clientId: string; api: ApiRef }[], result: T): T {
  for (const { clientId, api } of notify) evictClient(clientId, apiKey(api));

  return result;
}
