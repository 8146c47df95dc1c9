import Database from "better-sqlite3";
import { applyCacheSettings, clearCache, setBeforeHit, setFeedUp } from "./cache";
import { cacheSettingsOf } from "./cache-settings";
import { evictEvents, type EventRow } from "./evict-events";

/**
 * SQLite has one server, but the CLI commits from another process. PRAGMA data_version on a
 * connection of the cache's own changes whenever any other connection committed (WAL included), so
 * before each hit the cache reads, synchronously, the events committed since its high-water mark
 * and the cache's setting. A few microseconds when nothing changed.
 */
export function watchSqlite(file: string): () => Promise<void> {
  const conn = new Database(file, { timeout: 5_000 });
  const dataVersion = conn.prepare("PRAGMA data_version").pluck();
  const eventsAfter = conn.prepare(`SELECT sequence, type, tokens, client_id AS clientId, api_context AS apiContext,
      api_version AS apiVersion FROM revocation_events WHERE sequence > ? ORDER BY sequence`);
  const cacheSettings = conn.prepare("SELECT key, value FROM settings WHERE key IN ('validation_cache', 'validation_cache_ttl')");
  let seen = dataVersion.get() as number;
  let highWater = (conn.prepare("SELECT COALESCE(MAX(sequence), 0) FROM revocation_events").pluck().get() as number) ?? 0;
  const readSettings = () =>
    applyCacheSettings(
      cacheSettingsOf(Object.fromEntries((cacheSettings.all() as { key: string; value: string }[]).map((r) => [r.key, r.value]))),
    );

  function catchUp() {
    const version = dataVersion.get() as number;
    if (version === seen) return;
    try {
      const events = eventsAfter.all(highWater) as (EventRow & { sequence: number })[];
      evictEvents(events);
      if (events.length > 0) highWater = events[events.length - 1].sequence;
      readSettings();
      seen = version;
    } catch (err) {
      console.error("validation cache: other connections' commits could not be read; the cache was emptied", err);
      clearCache(); // nothing stale is left; the next hit tries again
    }
  }

  readSettings();
  setBeforeHit(catchUp);
  setFeedUp(true);

  return async () => {
    setFeedUp(false);
    setBeforeHit(undefined);
    conn.close();
  };
}
