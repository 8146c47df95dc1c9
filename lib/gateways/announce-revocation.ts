import { store, type RevokedToken } from "@/lib/store";
import { deliverNow } from "./delivery-worker";
import { introspectedRecently } from "./recent-introspections";

const raceResendMs = () => Number(process.env.PORTCULLIS_RACE_RESEND_MS ?? 2_000);

/**
 * After a revocation commits: send its notices now, and if some of its tokens were introspected
 * in the last seconds, queue them once more a little later as a new event (a new webhook-id, so
 * gateways that de-duplicate still act on it) for gateways that keep no tombstones.
 */
export function announceRevocation(revoked: RevokedToken[], sequences: number[]): void {
  deliverNow(sequences);
  const raced = revoked.filter((t) => introspectedRecently(t.hash));
  if (raced.length === 0) return;
  setTimeout(() => {
    store()
      .queueNotices("token.revoked", raced, Date.now())
      .then(({ sequences: resent }) => deliverNow(resent))
      .catch((err) => console.error("race re-send failed", err));
  }, raceResendMs()).unref();
}
