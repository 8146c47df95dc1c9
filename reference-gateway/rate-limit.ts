import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
import type { Logger } from "./log";

export type TierLimits = { requests_per_minute: number; daily_quota: number | null };
type Window = "minute" | "day";

const SECONDS: Record<Window, number> = { minute: 60, day: 86_400 };
// A limiter has one limit, a tier's differs per (client, API): the limiters only count, take() compares.
const COUNT_ONLY = Number.MAX_SAFE_INTEGER;
const REDIS_TIMEOUT_MS = 500; // a Redis that hangs costs a request at most this before it is counted here
const RETRY_REDIS_MS = 1_000; // after a failure, count here alone this long before asking Redis again

type TierLimiterOptions = { redisUrl?: string; prefix: string; log: Logger };

const countersWith = (make: (window: Window) => RateLimiterAbstract) => ({ minute: make("minute"), day: make("day") });

/**
 * The tier's limits per (client, API): requests per minute, and the daily quota when the tier has one. Counted by
 * rate-limiter-flexible in this process, or, with a Redis URL, in Redis for every gateway that shares it. Each
 * window starts at its key's first request, so a burst is never split by a clock boundary. While Redis does not
 * answer, this gateway counts alone and its stats say so (README, "Reference gateway"). `take` returns the
 * seconds to wait (Retry-After) when over a limit, or 0 when the request may pass.
 */
export function createTierLimiter({ redisUrl, prefix, log }: TierLimiterOptions) {
  const local = countersWith((w) => new RateLimiterMemory({ points: COUNT_ONLY, duration: SECONDS[w] }));
  const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, commandTimeout: REDIS_TIMEOUT_MS }) : null;
  let localSince: number | null = null; // Redis failed, and has not answered since
  let retryAt = 0;
  let fallbacks = 0;
  const backOnFleet = () => {
    if (localSince !== null) log.info("rate limit: Redis answers again; tier limits are counted across the fleet");
    localSince = null;
    retryAt = 0;
  };
  redis?.on("error", () => {}); // it reconnects by itself; the request that falls back reports it, once
  redis?.on("ready", backOnFleet);
  const shared =
    redis &&
    countersWith(
      (w) => new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:${w}`, points: COUNT_ONLY, duration: SECONDS[w] }),
    );

  const count = async (window: Window, key: string): Promise<RateLimiterRes> => {
    if (shared && Date.now() >= retryAt) {
      try {
        const counted = await shared[window].consume(key);
        backOnFleet();

        return counted;
      } catch (err) {
        fallbacks += 1;
        retryAt = Date.now() + RETRY_REDIS_MS;
        if (localSince === null)
          log.warn(
            `rate limit: Redis did not answer (${(err as Error).message}); counting tier limits in this gateway alone until it does`,
          );
        localSince ??= Date.now();
      }
    }

    return local[window].consume(key);
  };
  const wait = (counted: RateLimiterRes) => Math.max(1, Math.ceil(counted.msBeforeNext / 1000));

  return {
    /** The minute first: a request it refuses does not spend the day's quota. */
    async take(key: string, limits: TierLimits): Promise<number> {
      const minute = await count("minute", key);
      if (minute.consumedPoints > limits.requests_per_minute) return wait(minute);
      if (limits.daily_quota === null) return 0;
      const day = await count("day", key);

      return day.consumedPoints > limits.daily_quota ? wait(day) : 0;
    },
    /** For /_gateway/stats: where the counts live now. */
    toJSON() {
      if (!redis) return { store: "memory", counting: "local" };
      const sharing = localSince === null && redis.status === "ready";

      return {
        store: "redis",
        counting: sharing ? "fleet" : "local",
        local_since: localSince === null ? null : new Date(localSince).toISOString(),
        fallbacks,
      };
    },
    close() {
      redis?.disconnect();
    },
  };
}

export type TierLimiter = ReturnType<typeof createTierLimiter>;
