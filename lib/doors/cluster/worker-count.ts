import { availableParallelism } from "node:os";

/** PORTCULLIS_WORKERS, default one per core; `npm run dev` always runs one (Next's dev server cannot be shared). */
export function workerCount(value = process.env.PORTCULLIS_WORKERS, cores = availableParallelism()): number {
  if (value === undefined || value === "") return cores;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`PORTCULLIS_WORKERS must be a whole number from 1 to 256, not "${value}"`);

  return n;
}
