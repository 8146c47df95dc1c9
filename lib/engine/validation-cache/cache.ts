import type { Introspection } from "@/lib/engine/introspection/introspect-token";
import { entryUntil } from "./entry-lifetime";

// The key manager's validation cache (WSO2's EnableKeyMgtValidationInfoCache): active introspection
// answers kept in process memory, keyed by token hash and API, so a hot token costs no database
// lookup. It is only as good as its evictions: every path that changes a token's validity evicts
// here (lib/engine/validation-cache/evict.ts), and the cache serves nothing while it could have missed one:
// until its change feed is up (the PostgreSQL listener, the SQLite data_version watch), while a
// notified change is being read, and whenever the admin setting is off.

const MAX_ENTRIES = 100_000;

export type CachedAnswer = Extract<Introspection, { active: true }>;
type Entry = { answer: CachedAnswer; tokenId: string; until: number };

type CacheState = {
  byHash: Map<string, Map<string, Entry>>; // token hash → API key ("" for plain introspection) → entry
  size: number;
  enabled: boolean; // the admin setting
  ttlMs: number;
  feedUp: boolean; // this process hears of every other process's changes
  reading: number; // notified changes being read: no hit is served meanwhile
  generation: number; // bumped by every eviction: a lookup that raced one is not stored
  /** SQLite: catches up with other connections' commits before a hit (lib/engine/validation-cache/sqlite-watch.ts). */
  beforeHit?: () => void;
  /** PostgreSQL: resolves once every change committed before the call has been heard (lib/engine/validation-cache/watch-changes.ts). */
  fence?: () => Promise<void>;
};

// Process-wide: Next's bundles and server.ts load this module separately, but a revocation committed
// through a portal route must evict what the node:http front serves.
const state = ((globalThis as unknown as { portcullisValidationCache?: CacheState }).portcullisValidationCache ??= {
  byHash: new Map(),
  size: 0,
  enabled: false,
  ttlMs: 0,
  feedUp: false,
  reading: 0,
  generation: 0,
} as CacheState);

export const apiKey = (api?: { context: string; version: string }) => (api ? `${api.context}\n${api.version}` : "");

const serving = () => state.enabled && state.feedUp && state.reading === 0;

/** The generation to hand back to `remember`: taken before the database lookup whose answer may be stored. */
export function beginLookup(): number | null {
  if (!serving()) return null;
  state.beforeHit?.();

  return serving() ? state.generation : null;
}

/**
 * A cached answer that is still good for a request that arrived before this call: on PostgreSQL,
 * only after the fence has heard every change committed until now (another instance's revocation
 * may have answered its caller before its notification reached this process).
 */
export async function confirmedAnswer(hash: string, api: string, now: number): Promise<Entry | null> {
  if (!cachedAnswer(hash, api, now)) return null;
  if (state.fence) {
    try {
      await state.fence();
    } catch {
      return null; // the listener is down: the cache has been emptied anyway
    }
  }

  return serving() ? cachedAnswer(hash, api, now) : null;
}

/** A cached active answer and its token id, or null, as held now. */
export function cachedAnswer(hash: string, api: string, now: number): Entry | null {
  const entry = state.byHash.get(hash)?.get(api);
  if (!entry) return null;
  if (entry.until > now) return entry;
  forget(hash, api);

  return null;
}

/**
 * Stores an active answer for at most the TTL, never past the token's `exp` nor a `backend_jwt`'s
 * `exp` — unless an eviction ran since `generation` was taken (the answer may predate it).
 */
export function remember(hash: string, api: string, answer: CachedAnswer, tokenId: string, generation: number, now: number): void {
  if (!serving() || generation !== state.generation) return;
  const until = entryUntil(answer, now, state.ttlMs);
  if (until <= now) return;
  if (state.size >= MAX_ENTRIES) sweep(now);
  let forHash = state.byHash.get(hash);
  if (!forHash) state.byHash.set(hash, (forHash = new Map()));
  if (!forHash.has(api)) state.size++;
  forHash.set(api, { answer, tokenId, until });
}

function forget(hash: string, api: string) {
  const forHash = state.byHash.get(hash);
  if (!forHash?.delete(api)) return;
  state.size--;
  if (forHash.size === 0) state.byHash.delete(hash);
}

/** Drops expired entries; under a flood of distinct tokens, forgets everything rather than grow. */
function sweep(now: number) {
  for (const [hash, forHash] of state.byHash) for (const [api, e] of forHash) if (e.until <= now) forget(hash, api);
  if (state.size >= MAX_ENTRIES) clearCache();
}

/** Evicts every answer about these tokens (plain and per API). */
export function evictTokens(hashes: Iterable<string>): void {
  state.generation++;
  for (const hash of hashes) {
    const forHash = state.byHash.get(hash);
    if (!forHash) continue;
    state.size -= forHash.size;
    state.byHash.delete(hash);
  }
}

/** Evicts a client's answers for one API (a subscription changed), or all its answers when `api` is null. */
export function evictClient(clientId: string, api: string | null): void {
  state.generation++;
  for (const [hash, forHash] of state.byHash)
    for (const [key, e] of forHash) if (e.answer.client_id === clientId && (api === null || key === api)) forget(hash, key);
}

export function clearCache(): void {
  state.generation++;
  state.byHash.clear();
  state.size = 0;
}

/** The admin setting; any change empties the cache, so a shorter TTL or "off" applies to what it holds too. */
export function applyCacheSettings({ enabled, ttlSeconds }: { enabled: boolean; ttlSeconds: number }): void {
  if (enabled === state.enabled && ttlSeconds * 1000 === state.ttlMs) return;
  state.enabled = enabled;
  state.ttlMs = ttlSeconds * 1000;
  clearCache();
}

/** The change feed went down (forget everything: changes may be missed) or came back. */
export function setFeedUp(up: boolean): void {
  state.feedUp = up;
  clearCache();
}

/** Holds hits back while a notified change is read; `done` evicts what it names and serves again. */
export function holdWhileReading(): () => void {
  state.reading++;
  state.generation++;
  let released = false;

  return () => {
    if (!released) state.reading--;
    released = true;
  };
}

export function setBeforeHit(check: (() => void) | undefined): void {
  state.beforeHit = check;
}

export function setFence(fence: (() => Promise<void>) | undefined): void {
  state.fence = fence;
}

/** For tests and the stats: how many answers are held and whether hits are served. */
export const cacheStatus = () => ({ entries: state.size, serving: serving(), enabled: state.enabled, ttlMs: state.ttlMs });
