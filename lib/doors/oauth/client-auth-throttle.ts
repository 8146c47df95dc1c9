import { OAuthError } from "@/lib/base/oauth-errors";
import { clientAuthKeys, clientAuthLimiter, type ClientAuthAttempt } from "@/lib/engine/identity/rate-limit";

const MAX_REMEMBERED = 100_000; // refused keys held in memory; the oldest go first

// Keys over their limit, with when they are let in again. Only failures are counted (in the limiter's
// store, shared by every worker and instance); the refusal itself is this map, so an authentication
// that succeeds costs nothing more, and a refused one costs no lookup, no hash and no write.
// Process-wide, like flush-notices.ts: Next's bundles and server.ts load this module separately.
const refusedUntil = ((globalThis as unknown as { portcullisClientAuthRefused?: Map<string, number> }).portcullisClientAuthRefused ??=
  new Map());

const tooMany = (retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const err = new OAuthError("invalid_client", 429, `too many failed client authentications from this address; try again in ${seconds} s`);
  err.retryAfterSeconds = seconds;

  return err;
};

/** Throws 429 while this client at this address (or this address) is over its failures' limit. */
export function assertNotThrottled(attempt: ClientAuthAttempt) {
  if (refusedUntil.size === 0) return;
  const now = Date.now();
  for (const key of clientAuthKeys(attempt)) {
    const until = refusedUntil.get(key);
    if (until === undefined) continue;
    if (until > now) throw tooMany(until - now);
    refusedUntil.delete(key);
  }
}

/**
 * Counts a failed authentication: the failure that uses up a limit is answered as it was, and what
 * follows is refused here; one already past it (counted by another instance) is the 429 itself.
 * A store that cannot count leaves the failure as it was: it is a refusal either way.
 */
export async function countFailure(attempt: ClientAuthAttempt, refusal: OAuthError): Promise<OAuthError> {
  let usedUp: { key: string; retryAfterMs: number; over: boolean }[];
  try {
    usedUp = await (await clientAuthLimiter()).fail(attempt);
  } catch (err) {
    console.error(`key manager: failed client authentication not counted (${(err as Error).message})`);
    return refusal;
  }
  const now = Date.now();
  for (const { key, retryAfterMs } of usedUp) {
    refusedUntil.delete(key);
    if (refusedUntil.size >= MAX_REMEMBERED) refusedUntil.delete(refusedUntil.keys().next().value!);
    refusedUntil.set(key, now + retryAfterMs);
  }
  const over = usedUp.filter((u) => u.over);

  return over.length > 0 ? tooMany(Math.max(...over.map((o) => o.retryAfterMs))) : refusal;
}
