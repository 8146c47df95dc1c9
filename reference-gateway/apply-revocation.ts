import type { TokenEventType, WireToken } from "@/lib/base/contract.shared";
import type { GatewayState } from "./gateway-state";

// How long a shortened expiry is remembered past itself: a locally validated JWT's own `exp` says
// nothing of the shortening, so the cap must outlive it (the key manager's access tokens live less).
const CAP_RETENTION_MS = 30 * 24 * 3600_000;

type RevocationEvent = { type: TokenEventType; sequence: number; tokens: WireToken[] };

/** Evicts every listed hash and tombstones it until the token expires. Same path for notices and catch-up. */
export function applyRevocation(state: GatewayState, { type, sequence, tokens }: RevocationEvent, now = Date.now()) {
  for (const { token_hash: hash, expires_at } of tokens) {
    state.epoch += 1;
    state.cache.delete(hash);
    state.apiCache.deleteHash(hash); // and its validation info for every API
    state.inflight.delete(hash); // later requests must not join an introspection that began before this
    const until = Date.parse(expires_at);
    if (until > now) state.tombstones.put(hash, { sequence, hard: type === "token.revoked", until, fence: state.epoch });
    if (type === "token.updated") state.expiryCaps.set(hash, { at: until, keepUntil: until + CAP_RETENTION_MS });
    state.evictions.record(hash, sequence, now);
  }
}
