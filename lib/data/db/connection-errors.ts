// A database that went away (restarted, failed over, unreachable) is an outage, not a bug: pools
// reconnect by themselves, requests meanwhile answer 503 with Retry-After, and each loss is one log line.

const LOST = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** True for an error that means the database cannot be reached right now (PostgreSQL codes 57P0x, 08xxx; socket errors). */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === "string" && LOST.has(e.code)) return true;
    if (
      typeof e.message === "string" &&
      /Connection terminated|terminating connection|connect ECONNREFUSED|Can't reach database/.test(e.message)
    )
      return true;
  }

  return false;
}

/** For a pool's `error` event (an idle connection dropped): one line, never an uncaught exception. */
export const logConnectionLoss = (source: string) => (err: Error & { code?: string }) =>
  console.error(`${source}: database connection lost (${err.code ?? err.message}); reconnecting on next use`);

export const RETRY_AFTER_SECONDS = "5";
