import { isFresh, type Flight, type GatewayState } from "./gateway-state";
import { hashToken } from "./hash-token";
import type { Introspection } from "./introspect";

type ValidatorOptions = {
  state: GatewayState;
  introspect: (token: string) => Promise<Introspection>;
  ttlMs: number;
  negativeTtlMs: number;
};

const INACTIVE: Introspection = { active: false };

/**
 * Cached, single-flight token validation. Throws KeyManagerUnavailable when the key manager cannot answer.
 * An answer that a tombstone refuses (its introspection began before an eviction) is neither cached nor
 * admitted; a fenced token.updated gets one fresh introspection instead.
 */
export function createValidator({ state, introspect, ttlMs, negativeTtlMs }: ValidatorOptions) {
  const fly = (hash: string, token: string): Flight => {
    const startedAt = state.epoch;
    const flight: Flight = (async () => {
      state.counters.introspections += 1;
      const answer = await introspect(token);
      // Checked when the answer arrives, not when asked: a notice may have come in meanwhile.
      if (state.tombstones.admits(hash, startedAt)) state.cache.set(hash, answer, cacheTtl(answer));

      return { answer, startedAt };
    })();
    state.inflight.set(hash, flight);
    const settle = () => void (state.inflight.get(hash) === flight && state.inflight.delete(hash));
    flight.then(settle, settle);

    return flight;
  };

  const cacheTtl = (answer: Introspection) => {
    if (!answer.active) return negativeTtlMs;

    return answer.exp === undefined ? ttlMs : Math.min(ttlMs, answer.exp * 1000 - Date.now());
  };

  return async function validate(token: string): Promise<Introspection> {
    const hash = hashToken(token);
    for (let attempt = 0; attempt < 2; attempt++) {
      if (state.tombstones.isHard(hash)) return INACTIVE;
      const cached = state.cache.get(hash);
      // A stale gateway (README, "Heartbeat and lease") may have missed the revocation: it asks again.
      if (cached && (!cached.active || isFresh(state))) return cached;
      if (cached) state.counters.staleIntrospections += 1;
      const { answer, startedAt } = await (state.inflight.get(hash) ?? fly(hash, token));
      if (state.tombstones.admits(hash, startedAt)) return answer;
    }

    return INACTIVE;
  };
}
