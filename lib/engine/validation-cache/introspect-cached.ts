import { hashToken } from "@/lib/base/hash-token";
import type { ApiRef, ClientAuthRow } from "@/lib/data/store";
import { emit } from "@/lib/engine/hooks/hooks";
import { activeAnswer, carriesBackendJwt, INACTIVE, lookUpToken, type Introspection } from "@/lib/engine/introspection/introspect-token";
import { apiKey, beginLookup, confirmedAnswer, remember, type CachedAnswer } from "./cache";

type IntrospectOptions = { caller: ClientAuthRow; token: string; api?: ApiRef; issuer: string; now?: number };
/** What an introspection saw: the token's client, the token when the caller is answered "active", and how to build that answer. */
type Seen = { clientId: string | null; tokenId: string | null; answer: () => Promise<Introspection> };

/**
 * Introspection (RFC 7662), through the validation cache when it serves (lib/engine/validation-cache/cache.ts).
 * Only active answers are kept: they are the same for every caller allowed to see them, so the
 * caller check runs again on a hit. A hit and a lookup are told alike to the `introspected` hook
 * (usage, the race re-send's memory), in one place, before the answer is built (a backend JWT is
 * signed after it: a revocation committing meanwhile finds the token remembered). A `backend_jwt` is
 * for a gateway to forward to the API's backend: only a gateway's client is handed one (issue 26 L3),
 * so an answer built for an application's own client that left one out is not kept.
 */
export async function introspectCached(options: IntrospectOptions): Promise<Introspection> {
  const now = options.now ?? Date.now();
  const { caller, api, issuer } = options;
  const hash = hashToken(options.token);
  const key = apiKey(api);
  const generation = beginLookup();
  const hit = generation === null ? null : await confirmedAnswer(hash, key, now);
  let seen: Seen;
  const gateway = caller.kind === "gateway";
  if (hit) {
    const mine = gateway || hit.answer.client_id === caller.id;
    const answer = async () => (gateway ? hit.answer : withoutBackendJwt(hit.answer));
    seen = { clientId: hit.answer.client_id, tokenId: mine ? hit.tokenId : null, answer };
  } else {
    const { found, active } = await lookUpToken({ caller, hash, api, now });
    seen = {
      clientId: found?.clientId ?? null,
      tokenId: active ? found!.id : null,
      answer: async () => {
        const answer = await activeAnswer(found!, { api, issuer, now, forGateway: gateway });
        const complete = gateway || !carriesBackendJwt(found!, api); // what a gateway would be answered too
        if (generation !== null && answer.active && complete) remember(hash, key, answer, found!.id, generation, now);
        return answer;
      },
    };
  }
  emit("introspected", { at: now, hash, clientId: seen.clientId, tokenId: seen.tokenId });

  return seen.tokenId === null ? INACTIVE : seen.answer();
}

function withoutBackendJwt(answer: CachedAnswer): CachedAnswer {
  if (!("backend_jwt" in answer)) return answer;
  const { backend_jwt: _forGateways, ...rest } = answer;

  return rest;
}
