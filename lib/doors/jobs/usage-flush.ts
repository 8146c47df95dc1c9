import { flushUsage } from "@/lib/engine/usage/flush-usage";

const intervalMs = () => Number(process.env.PORTCULLIS_USAGE_FLUSH_MS ?? 60_000);

/**
 * Flushes last-used times and introspection counts every minute in the process that serves requests
 * (whatever PORTCULLIS_WORKER says: the buffer is this process's memory). Stopping flushes once more.
 */
export function startUsageFlush(): () => Promise<void> {
  let running: Promise<void> | null = null;
  const flush = () =>
    (running ??= flushUsage()
      .then(
        () => undefined,
        (err) => console.error(`usage flush failed (kept for the next one): ${err instanceof Error ? err.message : err}`),
      )
      .finally(() => (running = null)));
  // A flush slower than the interval (a large backlog under load) is not overlapped by the next one.
  const timer = setInterval(flush, intervalMs());
  timer.unref();

  return async () => {
    clearInterval(timer);
    await running;
    await flush();
  };
}
