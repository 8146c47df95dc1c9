const MAX_EVICTIONS = 10_000;

/** When each hash was last evicted (epoch ms), for tests and the propagation benchmark. Bounded, oldest out. */
export class EvictionLog {
  private readonly log = new Map<string, { at: number; sequence: number }>();

  /** A replay of an older event (catch-up after a notice) keeps the first eviction time. */
  record(hash: string, sequence: number, at = Date.now()) {
    const prev = this.log.get(hash);
    if (prev && prev.sequence >= sequence) return;
    this.log.delete(hash);
    if (this.log.size >= MAX_EVICTIONS) this.log.delete(this.log.keys().next().value!);
    this.log.set(hash, { at, sequence });
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.log].map(([hash, { at }]) => [hash, at]));
  }
}
