// Group commit: writes that arrive in the same turn of the event loop share one transaction (a
// durable write costs about as much for one row as for a hundred). Each caller's promise settles
// only once the transaction holding its own write has committed. If the shared write fails, each
// item is written alone, so one bad row fails only its own request.

const MAX_BATCH = 500;

type Waiting<T> = { item: T; resolve: () => void; reject: (err: unknown) => void };

export function groupCommit<T>(writeAll: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  const queue: Waiting<T>[] = [];

  async function flush() {
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) setImmediate(flush);
    try {
      await writeAll(batch.map((w) => w.item));
      for (const w of batch) w.resolve();
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      await Promise.all(batch.map((w) => writeAll([w.item]).then(w.resolve, w.reject)));
    }
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}
