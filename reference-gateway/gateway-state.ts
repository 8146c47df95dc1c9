import { EvictionLog } from "./eviction-log";
import type { Introspection } from "./introspect";
import { SeenIds } from "./seen-ids";
import { TokenCache } from "./token-cache";
import { Tombstones } from "./tombstones";

/** An introspection in flight, shared by every request for the same hash, and the epoch it started in. */
export type Flight = Promise<{ answer: Introspection; startedAt: number }>;

/** Everything one gateway remembers; kept in one place so notices, catch-up and validation see the same thing. */
export function createGatewayState({ maxCacheEntries, after }: { maxCacheEntries: number; after: number }) {
  return {
    cache: new TokenCache(maxCacheEntries),
    tombstones: new Tombstones(),
    evictions: new EvictionLog(),
    seen: new SeenIds(),
    inflight: new Map<string, Flight>(),
    epoch: 0, // bumped on every eviction; an introspection started before the bump is stale
    lastSequence: after,
    counters: { introspections: 0, noticesAccepted: 0, noticesRejected: 0, catchups: 0 },
  };
}

export type GatewayState = ReturnType<typeof createGatewayState>;

/** GET /_gateway/stats body. */
export function gatewayStats(state: GatewayState) {
  const { counters } = state;

  return {
    introspections: counters.introspections,
    cache_size: state.cache.size,
    tombstones: state.tombstones.size,
    last_sequence: state.lastSequence,
    notices_accepted: counters.noticesAccepted,
    notices_rejected: counters.noticesRejected,
    catchups: counters.catchups,
    evictions: state.evictions.toJSON(),
  };
}

export function sweepGatewayState(state: GatewayState, now = Date.now()) {
  state.cache.sweep(now);
  state.tombstones.sweep(now);
  state.seen.sweep(now);
}
