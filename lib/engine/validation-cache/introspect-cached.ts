import { hashToken } from "@/lib/base/hash-token";
import type { ApiRef, ClientAuthRow } from "@/lib/data/store";
import { introspectToken, type Introspection } from "@/lib/engine/introspection/introspect-token";
import { noteActiveIntrospection } from "@/lib/engine/notices/race-resend";
import { noteIntrospection, noteTokenUse } from "@/lib/engine/usage/usage-buffer";
import { apiKey, beginLookup, confirmedAnswer, remember } from "./cache";

type IntrospectOptions = { caller: ClientAuthRow; token: string; api?: ApiRef; issuer: string; now?: number };

/**
 * Introspection through the validation cache when it serves (lib/engine/validation-cache/cache.ts). Only
 * active answers are kept: they are the same for every caller allowed to see them, so the caller
 * check runs again on a hit. A hit notes what a lookup would (usage, the race re-send's memory).
 */
export async function introspectCached(options: IntrospectOptions): Promise<Introspection> {
  const now = options.now ?? Date.now();
  const generation = beginLookup();
  if (generation === null) return introspectToken(options);
  const hash = hashToken(options.token);
  const key = apiKey(options.api);
  const hit = await confirmedAnswer(hash, key, now);
  if (hit) {
    noteIntrospection(hit.answer.client_id, now);
    if (options.caller.kind !== "gateway" && hit.answer.client_id !== options.caller.id) return { active: false };
    noteActiveIntrospection(hash, now);
    noteTokenUse(hit.tokenId, now);

    return hit.answer;
  }
  let tokenId: string | null = null;
  const answer = await introspectToken({ ...options, now, seen: (t) => (tokenId = t.id) });
  if (answer.active && tokenId !== null) remember(hash, key, answer, tokenId, generation, now);

  return answer;
}
