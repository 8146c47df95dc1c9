import { SETTINGS } from "@/lib/engine/settings/definitions.shared";
import { applyCacheSettings } from "./cache";

const KEYS = ["validation_cache", "validation_cache_ttl"] as const;

/** Stored strings (missing keys take their defaults) → the cache's setting. */
export const cacheSettingsOf = (stored: Partial<Record<string, string>>) => ({
  enabled: (stored.validation_cache ?? SETTINGS.validation_cache.default) === "true",
  ttlSeconds: Number(stored.validation_cache_ttl ?? SETTINGS.validation_cache_ttl.default),
});

/** A change to it is announced to every other instance (lib/data/store, `announceSettings`). */
export const isCacheSetting = (key: string) => (KEYS as readonly string[]).includes(key);

/** After the commit: this process applies the change itself (the bus skips an instance's own messages). */
export const applyCommittedCacheSettings = (next: Partial<Record<string, string>>) => applyCacheSettings(cacheSettingsOf(next));
