import type { Introspection } from "./introspect";

type Entry = { answer: Introspection; expiresAt: number };

/** Introspection answers keyed by token hash. Bounded: the oldest entry goes first when full. */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries: number) {}

  get(hash: string, now = Date.now()): Introspection | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(hash);

      return undefined;
    }

    return entry.answer;
  }

  set(hash: string, answer: Introspection, ttlMs: number, now = Date.now()) {
    if (ttlMs <= 0) return;
    this.entries.delete(hash);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { answer, expiresAt: now + ttlMs });
  }

  delete(hash: string): boolean {
    return this.entries.delete(hash);
  }

  sweep(now = Date.now()) {
    for (const [hash, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(hash);
  }

  get size() {
    return this.entries.size;
  }
}
