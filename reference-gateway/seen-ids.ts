// Retries carry fresh timestamps, so an id can come back after hours; applying a notice twice is harmless
// (evict + tombstone are idempotent), remembering ids just keeps retry bursts from being processed twice.
const RETAIN_MS = 15 * 60_000; // 15 min

/** webhook-ids already processed: delivery is at-least-once, processing is once. */
export class SeenIds {
  private readonly ids = new Map<string, number>();

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string, now = Date.now()) {
    this.ids.set(id, now);
  }

  sweep(now = Date.now()) {
    for (const [id, at] of this.ids) if (now - at > RETAIN_MS) this.ids.delete(id);
  }
}
