import { ApiCache } from "./api-cache";
import { EvictionLog } from "./eviction-log";
import type { Introspection } from "./introspect";
import { createLease, type OnStale } from "./lease";
import type { TierLimiter } from "./rate-limit";
import { SeenIds } from "./seen-ids";
import { TokenCache } from "./token-cache";
import { Tombstones } from "./tombstones";

/** An introspection in flight, shared by every request for the same hash, and the epoch it started in. */
export type Flight = Promise<{ answer: Introspection; startedAt: number }>;

/** Everything one gateway remembers; kept in one place so notices, catch-up and validation see the same thing. */
type StateOptions = { maxCacheEntries: number; after: number; initialLeaseSeconds: number; onStale: OnStale; limiter: TierLimiter };

export function createGatewayState({ maxCacheEntries, after, initialLeaseSeconds, onStale, limiter }: StateOptions) {
  return {
    lease: createLease(initialLeaseSeconds),
    onStale,
    resyncing: false, // heard again after the lease lapsed, and catching up on what it may have missed meanwhile
    cache: new TokenCache(maxCacheEntries),
    apiCache: new ApiCache(maxCacheEntries), // validation info per (token hash, API)
    apiInflight: new Map<string, Flight>(),
    subscriptionFences: new Map<string, { fence: number; until: number }>(), // group (api-cache.ts) → epoch of its last subscription.changed
    limiter,
    tombstones: new Tombstones(),
    // token.updated's new expiry per hash, for JWTs validated locally: their own `exp` may be later.
    expiryCaps: new Map<string, { at: number; keepUntil: number }>(),
    evictions: new EvictionLog(),
    seen: new SeenIds(),
    inflight: new Map<string, Flight>(),
    epoch: 0, // bumped on every eviction; an introspection started before the bump is stale
    lastSequence: after,
    lastCatchUpError: null as string | null, // why the latest failed catch-up run failed, for whoever wonders why it is slow
    counters: {
      introspections: 0,
      noticesAccepted: 0,
      noticesRejected: 0,
      catchups: 0,
      catchupFailures: 0,
      subscriptionChanges: 0,
      subscriptionEvictions: 0,
      rateLimited: 0,
      heartbeats: 0,
      staleIntrospections: 0, // cached "active" answers not served because the gateway was stale
      staleRefusals: 0,
    },
  };
}

export type GatewayState = ReturnType<typeof createGatewayState>;

/** Heard from the key manager within the lease, and not still catching up after a lapse: only then is the cache trusted. */
export const isFresh = (state: GatewayState, now = Date.now()) => state.lease.within(now) && !state.resyncing;

/** GET /_gateway/stats body. */
export function gatewayStats(state: GatewayState) {
  const { counters } = state;

  return {
    state: isFresh(state) ? "fresh" : "stale",
    ...state.lease.toJSON(),
    on_stale: state.onStale,
    heartbeats: counters.heartbeats,
    stale_introspections: counters.staleIntrospections,
    stale_refusals: counters.staleRefusals,
    introspections: counters.introspections,
    cache_size: state.cache.size,
    api_cache_size: state.apiCache.size,
    subscription_changes: counters.subscriptionChanges,
    subscription_evictions: counters.subscriptionEvictions,
    rate_limited: counters.rateLimited,
    rate_limit: state.limiter.toJSON(),
    tombstones: state.tombstones.size,
    last_sequence: state.lastSequence,
    notices_accepted: counters.noticesAccepted,
    notices_rejected: counters.noticesRejected,
    catchups: counters.catchups,
    catchup_failures: counters.catchupFailures,
    last_catchup_error: state.lastCatchUpError,
    evictions: state.evictions.toJSON(),
  };
}

export function sweepGatewayState(state: GatewayState, now = Date.now()) {
  state.cache.sweep(now);
  state.apiCache.sweep(now);
  for (const [key, f] of state.subscriptionFences) if (f.until <= now) state.subscriptionFences.delete(key);
  state.tombstones.sweep(now);
  for (const [hash, c] of state.expiryCaps) if (c.keepUntil <= now) state.expiryCaps.delete(hash);
  state.seen.sweep(now);
}
