type Tombstone = { sequence: number; hard: boolean; until: number; fence: number };
type PutOptions = { sequence: number; hard: boolean; until: number; fence: number };

/**
 * Evicted hashes, kept until the token's expires_at, so an introspection answer that was already on its way
 * when the notice arrived (the in-flight race) is never cached or admitted.
 * - hard (token.revoked): no answer is admitted until expiry.
 * - fence only (token.updated: expiry shortened or re-approved): answers to introspections that started
 *   before the notice are refused; fresh ones carry the new state and are admitted.
 * The highest sequence wins, so a late retry of an old revocation cannot undo a later re-approval.
 */
export class Tombstones {
  private readonly stones = new Map<string, Tombstone>();

  put(hash: string, next: PutOptions) {
    const prev = this.stones.get(hash);
    const stone = !prev || next.sequence >= prev.sequence ? next : { ...prev, fence: next.fence };
    this.stones.set(hash, stone);
  }

  /** Whether an answer to an introspection started at `startedAt` (an eviction epoch) may be used. */
  admits(hash: string, startedAt: number, now = Date.now()): boolean {
    const stone = this.live(hash, now);
    if (!stone) return true;

    return !stone.hard && stone.fence <= startedAt;
  }

  isHard(hash: string, now = Date.now()): boolean {
    return this.live(hash, now)?.hard ?? false;
  }

  sweep(now = Date.now()) {
    for (const [hash, stone] of this.stones) if (stone.until <= now) this.stones.delete(hash);
  }

  get size() {
    return this.stones.size;
  }

  private live(hash: string, now: number) {
    const stone = this.stones.get(hash);
    if (stone && stone.until <= now) {
      this.stones.delete(hash);

      return undefined;
    }

    return stone;
  }
}
