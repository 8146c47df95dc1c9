import type { ApiRef } from "./api-routes";
import type { Introspection } from "./introspect";

type Entry = { answer: Introspection; expiresAt: number; hash: string; group: string | null };

export const clientApiKey = (clientId: string, api: ApiRef) => `client\n${clientId}\n${api.context}\n${api.version}`;
/** A refusal names no client: an API's refusals are one group, which any subscription.changed for the API drops. */
export const refusalsKey = (api: ApiRef) => `refusals\n${api.context}\n${api.version}`;
/** The group a subscription.changed evicts an answer by: its (client, API), or its API's refusals. */
export const groupOf = (answer: Introspection, api: ApiRef): string | null =>
  !answer.active ? refusalsKey(api) : typeof answer.client_id === "string" ? clientApiKey(answer.client_id, api) : null;
const entryKey = (hash: string, api: ApiRef) => `${hash}\n${api.context}\n${api.version}`;

/**
 * Validation info per (token hash, API) — README, "Validation info per API" — indexed by hash (a
 * token.revoked evicts every API's entry of the token) and by group (a subscription.changed evicts
 * every token of that client for that API, and the API's refusals, since the change may be a
 * subscription that began). Bounded: the oldest entry goes first when full.
 */
export class ApiCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byHash = new Map<string, Set<string>>();
  private readonly byGroup = new Map<string, Set<string>>();

  constructor(private readonly maxEntries: number) {}

  get(hash: string, api: ApiRef, now = Date.now()): Introspection | undefined {
    const key = entryKey(hash, api);
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) this.remove(key);

    return entry && entry.expiresAt > now ? entry.answer : undefined;
  }

  set(hash: string, api: ApiRef, answer: Introspection, ttlMs: number, now = Date.now()) {
    if (ttlMs <= 0) return;
    const key = entryKey(hash, api);
    this.remove(key);
    if (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value!);
    const group = groupOf(answer, api);
    this.entries.set(key, { answer, expiresAt: now + ttlMs, hash, group });
    index(this.byHash, hash, key);
    if (group) index(this.byGroup, group, key);
  }

  /** Every API's entry of one token. */
  deleteHash(hash: string): number {
    return [...(this.byHash.get(hash) ?? [])].filter((k) => this.remove(k)).length;
  }

  /** Every entry of one group: a client's tokens for one API, or an API's refusals. */
  deleteGroup(group: string): number {
    return [...(this.byGroup.get(group) ?? [])].filter((k) => this.remove(k)).length;
  }

  sweep(now = Date.now()) {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.remove(key);
  }

  get size() {
    return this.entries.size;
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    unindex(this.byHash, entry.hash, key);
    if (entry.group) unindex(this.byGroup, entry.group, key);

    return true;
  }
}

const index = (map: Map<string, Set<string>>, at: string, key: string) => map.set(at, (map.get(at) ?? new Set()).add(key));
const unindex = (map: Map<string, Set<string>>, at: string, key: string) => {
  const keys = map.get(at);
  keys?.delete(key);
  if (keys?.size === 0) map.delete(at);
};
