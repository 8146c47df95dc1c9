// README, "Heartbeat and lease": the gateway trusts its cache only while it has heard something valid
// from the key manager within the lease. Counted from each notice's signed timestamp, not its arrival,
// so a notice replayed within the 5 minutes a signature stays valid does not extend the lease.

export type OnStale = "introspect" | "refuse";

/** Until the first heartbeat names one, the lease runs from the start with `initialSeconds`. */
export function createLease(initialSeconds: number, now = Date.now()) {
  let heardAt = now;
  let lastHeard: number | null = null;
  let leaseMs = initialSeconds * 1000;

  return {
    /** A valid signed notice or heartbeat, signed at `signedAt` (ms). */
    heard(signedAt: number, at = Date.now()) {
      const when = Math.min(at, signedAt);
      heardAt = Math.max(heardAt, when);
      lastHeard = Math.max(lastHeard ?? 0, when);
    },
    renew(seconds: number) {
      leaseMs = seconds * 1000;
    },
    within: (at = Date.now()) => at - heardAt <= leaseMs,
    toJSON: () => ({ last_heard_at: lastHeard === null ? null : new Date(lastHeard).toISOString(), lease_seconds: leaseMs / 1000 }),
  };
}

export type Lease = ReturnType<typeof createLease>;
