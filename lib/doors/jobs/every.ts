/**
 * Runs `job` every `ms` until stopped, never two at once (a run slower than the interval skips the ticks
 * it overlaps); a failure is logged and the next tick runs. The timer keeps no process alive.
 */
export function every(ms: number, name: string, job: () => Promise<void>): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (err) {
      console.error(`${name} failed`, err);
    } finally {
      running = false;
    }
  }, ms);
  timer.unref();

  return () => clearInterval(timer);
}
