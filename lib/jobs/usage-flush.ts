import { flushUsage } from "@/lib/usage/flush-usage";

const intervalMs = () => Number(process.env.PORTCULLIS_USAGE_FLUSH_MS ?? 60_000);

/**
 * Flushes last-used times and introspection counts every minute in the process that serves requests
 * (whatever PORTCULLIS_WORKER says: the buffer is this process's memory). Stopping flushes once more.
 */
export function startUsageFlush(): () => Promise<void> {
  const flush = () => flushUsage().catch((err) => console.error("usage flush failed", err));
  const timer = setInterval(flush, intervalMs());
  timer.unref();

  return async () => {
    clearInterval(timer);
    await flush();
  };
}
