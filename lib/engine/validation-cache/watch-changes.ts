import { env } from "@/lib/base/env";
import type { EventsCommitted } from "@/lib/data/bus/messages";
import { listenForEvents } from "@/lib/data/bus/postgres-listener";
import { db } from "@/lib/data/db/client";
import { engineOf, sqlitePath } from "@/lib/data/db/engine";
import { store } from "@/lib/data/store";
import { applyCacheSettings, cacheStatus, clearCache, holdWhileReading, setFeedUp, setFence } from "./cache";
import { cacheSettingsOf } from "./cache-settings";
import { evictEvents } from "./evict-events";
import { watchSqlite } from "./sqlite-watch";

/**
 * Starts the validation cache's change feed in a server process: on PostgreSQL the instance bus
 * (other instances' token, subscription and settings commits, by NOTIFY), on SQLite a watch on
 * data_version (the CLI commits from another process). Until it is up — and again whenever the
 * listener connection is lost — the cache holds nothing and serves nothing.
 */
export function startValidationCache(): () => Promise<void> {
  if (engineOf(env.DATABASE_URL) !== "postgresql") return watchSqlite(sqlitePath(env.DATABASE_URL));
  let loads = 0;
  const listener = listenForEvents(env.DATABASE_URL, (m) => void onMessage(m), {
    onDown: () => setFeedUp(false),
    onUp: () => void loadSettings().then((ok) => ok && listener.connected() && setFeedUp(true)),
  });

  // Hits share fences: one round trip covers every hit that arrived before it was sent; later ones wait for the next.
  let inFlight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  function fence(): Promise<void> {
    if (!inFlight) return (inFlight = listener.roundTrip().finally(() => (inFlight = null)));
    return (queued ??= inFlight
      .catch(() => {})
      .then(() => {
        queued = null;
        return fence();
      }));
  }
  setFence(fence);

  // The latest load wins; a notified settings change holds hits back until it is read.
  async function loadSettings(): Promise<boolean> {
    const mine = ++loads;
    try {
      const stored = await store().getSettings();
      if (mine === loads) applyCacheSettings(cacheSettingsOf(stored));
      return true;
    } catch (err) {
      console.error("validation cache: settings could not be read; the cache stays off", err);
      applyCacheSettings({ enabled: false, ttlSeconds: 0 });
      return false;
    }
  }

  async function onMessage(m: EventsCommitted) {
    // Off, the cache holds nothing to evict: turning it on empties it, and a lookup begun before is not remembered.
    if (m.type !== "settings.changed" && !cacheStatus().enabled) return;
    const release = holdWhileReading();
    try {
      if (m.type === "settings.changed") await loadSettings();
      else
        evictEvents(
          await db.revocationEvent.findMany({
            where: { sequence: { gte: m.first, lte: m.last } },
            select: { type: true, tokens: true, clientId: true, apiContext: true, apiVersion: true },
          }),
        );
    } catch (err) {
      console.error("validation cache: a notified change could not be read; the cache was emptied", err);
      clearCache();
    } finally {
      release();
    }
  }

  return async () => {
    setFeedUp(false);
    setFence(undefined);
    await listener.stop();
  };
}
