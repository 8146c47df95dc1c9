import type { Committed } from "@/lib/engine/hooks/hooks";
import { apiKey, evictClient, evictTokens } from "./cache";

/**
 * The validation cache's listener of `committed` (lib/engine/hooks): the changed tokens, and every
 * answer of a client whose answers the change ended (all of them, or for one API). It runs in the
 * committing process before its door answers: a revocation's HTTP answer never precedes its
 * eviction. Other processes hear of the change (lib/engine/validation-cache/watch-changes.ts).
 */
export function evictCommitted({ changed, clients }: Committed): void {
  evictTokens(changed.map((t) => t.hash));
  for (const { clientId, api } of clients) evictClient(clientId, api ? apiKey(api) : null);
}
