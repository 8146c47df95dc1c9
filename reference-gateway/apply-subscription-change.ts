import { clientApiKey } from "./api-cache";
import type { ApiRef } from "./api-routes";
import type { GatewayState } from "./gateway-state";

const FENCE_MS = 60_000; // longer than any introspection may take (its timeout)

/**
 * subscription.changed (README, "`subscription.changed`"): evicts every cached validation entry of the client for the API, and
 * fences the pair so an introspection already on its way is not cached or admitted. Same path for notices and catch-up.
 */
export function applySubscriptionChange(state: GatewayState, { client_id, api }: { client_id: string; api: ApiRef }, now = Date.now()) {
  state.epoch += 1;
  state.subscriptionFences.set(clientApiKey(client_id, api), { fence: state.epoch, until: now + FENCE_MS });
  state.counters.subscriptionEvictions += state.apiCache.deleteClientApi(client_id, api);
  state.counters.subscriptionChanges += 1;
}
