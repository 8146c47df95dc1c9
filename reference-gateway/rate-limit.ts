type Window = { startedAt: number; count: number };

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The tier's limits per (client, API): requests per minute, and the daily quota when the tier has
 * one. Each window starts at its first request, so a burst is never split by a clock boundary.
 * Returns the seconds to wait (Retry-After) when over a limit, or 0 when the request may pass.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  take(key: string, limits: { requests_per_minute: number; daily_quota: number | null }, now = Date.now()): number {
    const minute = this.window(`m ${key}`, MINUTE, now);
    const day = limits.daily_quota === null ? null : this.window(`d ${key}`, DAY, now);
    if (day && day.count >= limits.daily_quota!) return Math.ceil((day.startedAt + DAY - now) / 1000);
    if (minute.count >= limits.requests_per_minute) return Math.max(1, Math.ceil((minute.startedAt + MINUTE - now) / 1000));
    minute.count += 1;
    if (day) day.count += 1;

    return 0;
  }

  sweep(now = Date.now()) {
    for (const [key, w] of this.windows) if (w.startedAt + (key.startsWith("m ") ? MINUTE : DAY) <= now) this.windows.delete(key);
  }

  private window(key: string, length: number, now: number): Window {
    const current = this.windows.get(key);
    if (current && current.startedAt + length > now) return current;
    const fresh = { startedAt: now, count: 0 };
    this.windows.set(key, fresh);

    return fresh;
  }
}
