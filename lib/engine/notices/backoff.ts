const BASE_MS = 1_000;
const CAP_MS = 10 * 60_000; // retries keep coming at least every ~10 minutes for the whole retry window

/** Exponential backoff with ±20 % jitter, so gateways that come back are not hit by every instance at once. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));

  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/**
 * The wait before the next attempt: the backoff, or longer when the gateway said how long in
 * `Retry-After` (a 429 or 503) — never beyond the cap, so a gateway cannot park its notices for days.
 */
export const nextAttemptInMs = (attempts: number, retryAfterMs: number | null | undefined, random = Math.random): number =>
  Math.max(retryDelayMs(attempts, random), Math.min(CAP_MS, retryAfterMs ?? 0));
