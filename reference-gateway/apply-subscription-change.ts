import { clientApiKey, refusalsKey } from "./api-cache";
import type { ApiRef } from "./api-routes";
import type { GatewayState } from "./gateway-state";

const FENCE_MS = 60_000; // longer than any introspection may take (its timeout)

/**
 * subscription.changed (README, "`subscription.changed`"): evicts every cached validation entry of the client for the API,
 * and every refusal cached for the API (a refusal names no client, and the change may be a subscription that began), and
 * fences both so an introspection already on its way is not cached or admitted. Same path for notices and catch-up.
 */
export function applySubscriptionChange(state: GatewayState, { client_id, api }: { client_id: string; api: ApiRef }, now = Date.now()) {
  state.epoch += 1;
  for (const group of [clientApiKey(client_id, api), refusalsKey(api)]) {
    state.subscriptionFences.set(group, { fence: state.epoch, until: now + FENCE_MS });
    state.counters.subscriptionEvictions += state.apiCache.deleteGroup(group);
  }
  state.counters.subscriptionChanges += 1;
}
