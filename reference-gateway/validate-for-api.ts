import { decodeJwt } from "jose";
import { groupOf } from "./api-cache";
import type { ApiRef } from "./api-routes";
import { isFresh, type Flight, type GatewayState } from "./gateway-state";
import { hashToken } from "./hash-token";
import type { Introspection } from "./introspect";

type ApiValidatorOptions = {
  state: GatewayState;
  introspect: (token: string, api: ApiRef) => Promise<Introspection>;
  ttlMs: number;
  negativeTtlMs: number;
};

const INACTIVE: Introspection = { active: false };

/**
 * Cached, single-flight validation of a token for one API version, keyed by (token hash, API).
 * An answer is neither cached nor admitted when a notice arrived while it was on its way: a
 * token.revoked for its hash (tombstones) or a subscription.changed for its client and API, or,
 * for a refusal, for its API (fences); it is asked for again.
 */
export function createApiValidator({ state, introspect, ttlMs, negativeTtlMs }: ApiValidatorOptions) {
  const admits = (hash: string, api: ApiRef, answer: Introspection, startedAt: number) => {
    if (!state.tombstones.admits(hash, startedAt)) return false;
    const group = groupOf(answer, api);

    return group === null || (state.subscriptionFences.get(group)?.fence ?? -1) <= startedAt;
  };

  const cacheTtl = (answer: Introspection) => {
    if (!answer.active) return negativeTtlMs;
    // Never forward a backend JWT past its own exp: the answer is dropped then, and asked for again.
    const expiries = [answer.exp, typeof answer.backend_jwt === "string" ? decodeJwt(answer.backend_jwt).exp : undefined];

    return Math.min(ttlMs, ...expiries.flatMap((exp) => (exp === undefined ? [] : [exp * 1000 - Date.now()])));
  };

  const fly = (key: string, hash: string, token: string, api: ApiRef): Flight => {
    const startedAt = state.epoch;
    const flight: Flight = (async () => {
      state.counters.introspections += 1;
      const answer = await introspect(token, api);
      if (admits(hash, api, answer, startedAt)) state.apiCache.set(hash, api, answer, cacheTtl(answer));

      return { answer, startedAt };
    })();
    state.apiInflight.set(key, flight);
    const settle = () => void (state.apiInflight.get(key) === flight && state.apiInflight.delete(key));
    flight.then(settle, settle);

    return flight;
  };

  return async function validateForApi(token: string, api: ApiRef): Promise<Introspection> {
    const hash = hashToken(token);
    const key = `${hash}\n${api.context}\n${api.version}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (state.tombstones.isHard(hash)) return INACTIVE;
      const cached = state.apiCache.get(hash, api);
      // A stale gateway (README, "Heartbeat and lease") may have missed the revocation: it asks again.
      if (cached && (!cached.active || isFresh(state))) return cached;
      if (cached) state.counters.staleIntrospections += 1;
      const { answer, startedAt } = await (state.apiInflight.get(key) ?? fly(key, hash, token, api));
      if (admits(hash, api, answer, startedAt)) return answer;
    }

    return INACTIVE;
  };
}
