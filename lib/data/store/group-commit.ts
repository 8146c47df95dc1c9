// Group commit: writes that arrive in the same turn of the event loop share one transaction (a
// durable write costs about as much for one row as for a hundred). Each caller's promise settles
// only once the transaction holding its own write has committed. If the shared write fails, each
// item is written alone, so one bad item fails only its own request.

const MAX_BATCH = 500;

type Waiting<T, R> = { item: T; resolve: (result: R) => void; reject: (err: unknown) => void };

/**
 * `writeAll` commits every item in one transaction and returns each item's result, in order.
 * `maxInFlight` bounds the batches committing at once: what arrives meanwhile waits and joins the
 * next batch (for writes that serialise in the database anyway, bigger batches are the gain).
 */
export function groupCommit<T, R = void>(
  writeAll: (items: T[]) => Promise<R[]>,
  { maxInFlight = Infinity }: { maxInFlight?: number } = {},
): (item: T) => Promise<R> {
  const queue: Waiting<T, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || queue.length === 0 || inFlight >= maxInFlight) return;
    scheduled = true;
    setImmediate(flush);
  };

  async function flush() {
    scheduled = false;
    const batch = queue.splice(0, MAX_BATCH);
    inFlight++;
    schedule(); // the rest of a long queue, while this batch commits
    try {
      const results = await writeAll(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (err) {
      if (batch.length === 1) batch[0].reject(err);
      else await Promise.all(batch.map((w) => writeAll([w.item]).then(([result]) => w.resolve(result), w.reject)));
    } finally {
      inFlight--;
      schedule();
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/** For writes whose items have no result of their own (inserts). */
export const noResults =
  <T>(write: (items: T[]) => Promise<void>) =>
  async (items: T[]): Promise<void[]> => {
    await write(items);

    return items.map(() => undefined);
  };
