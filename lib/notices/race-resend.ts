import { store, type ChangedToken } from "@/lib/store";
import { flushNotices } from "./flush-notices";

// The in-flight race: an introspection answered "active" just before a revocation commits can
// reach a gateway after its eviction and be cached again. The key manager remembers, in memory
// only (no write on the introspection path), which token hashes it recently answered "active"
// for, and announces those tokens once more a moment after their revocation, as a new event (a
// new webhook-id, so gateways that de-duplicate still act on it), for gateways that keep no tombstones.
const WINDOW_MS = 5_000;
const MAX_ENTRIES = 100_000;
const resendDelayMs = () => Number(process.env.PORTCULLIS_RACE_RESEND_MS ?? 2_000);

const seen = ((globalThis as unknown as { portcullisRecentIntrospections?: Map<string, number> }).portcullisRecentIntrospections ??=
  new Map());

export function noteActiveIntrospection(hash: string, now = Date.now()): void {
  if (seen.size >= MAX_ENTRIES) {
    for (const [h, at] of seen) if (now - at > WINDOW_MS) seen.delete(h);
    if (seen.size >= MAX_ENTRIES) seen.clear(); // under a flood, forget rather than grow
  }
  seen.set(hash, now);
}

function introspectedRecently(hash: string, now = Date.now()): boolean {
  const at = seen.get(hash);

  return at !== undefined && now - at <= WINDOW_MS;
}

/** Queues and sends the revoked tokens this process answered "active" for in the last seconds, once more, shortly. */
export function scheduleRaceResend(revoked: ChangedToken[]): void {
  const raced = revoked.filter((t) => introspectedRecently(t.hash));
  if (raced.length === 0) return;
  setTimeout(() => {
    store()
      .queueNotices("token.revoked", raced, Date.now())
      .then((resent) => flushNotices({ ...resent, revoked: [] })) // announced once more, not again and again
      .catch((err) => console.error("race re-send failed", err));
  }, resendDelayMs()).unref();
}
