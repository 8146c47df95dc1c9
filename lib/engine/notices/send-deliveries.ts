import { subscriptionNoticeBody, tokenNoticeBody, type TokenEventType } from "@/lib/base/contract.shared";
import { decryptSecret } from "@/lib/base/secret-box";
import { store, type DeliveryAttempt, type PendingDelivery } from "@/lib/data/store";
import { deliverNotice, deliveryTimeoutMs } from "@/lib/engine/notices/deliver-notice";
import pLimit from "p-limit";
import { nextAttemptInMs } from "./backoff";

// Requests in flight at once from one pass: a 100,000-token revocation to 50 gateways is 10,000
// deliveries, and must neither open them all at once nor outlive the lease it sends under.
const MAX_CONCURRENT = Number(process.env.PORTCULLIS_DELIVERY_CONCURRENCY ?? 64);

const signingSecrets = (d: PendingDelivery, now: number) => {
  const secrets = [decryptSecret(d.signingSecret)];
  if (d.previousSigningSecret && (d.previousSecretExpiresAt ?? 0) > now) secrets.push(decryptSecret(d.previousSigningSecret));

  return secrets;
};

async function attempt(d: PendingDelivery): Promise<DeliveryAttempt & { gone: boolean }> {
  const at = Date.now();
  const body =
    d.type === "subscription.changed" && d.subscription
      ? subscriptionNoticeBody({ createdAt: d.createdAt, sequence: d.sequence, ...d.subscription })
      : tokenNoticeBody({ type: d.type as TokenEventType, createdAt: d.createdAt, sequence: d.sequence, tokensJson: d.tokens });
  const result = await deliverNotice({ url: d.revokeUrl, id: d.eventId, secrets: signingSecrets(d, at), body, now: at });
  const attempts = d.attempts + 1;

  return {
    sequence: d.sequence,
    gatewayId: d.gatewayId,
    ok: result.ok,
    attempts,
    retryInMs: nextAttemptInMs(attempts, result.retryAfterMs),
    httpStatus: result.status,
    error: result.error,
    leaseUntil: d.leaseUntil,
    gone: result.gone === true,
  };
}

/**
 * Sends the deliveries, at most MAX_CONCURRENT at a time, then writes the outcomes back in one
 * transaction. One whose lease would lapse before its attempt could finish is left alone: the
 * worker claims it once the lease is over, so no two processes send it at once.
 */
export async function sendDeliveries(deliveries: PendingDelivery[]): Promise<DeliveryAttempt[]> {
  if (deliveries.length === 0) return [];
  const limit = pLimit(MAX_CONCURRENT);
  const sent = await Promise.all(
    deliveries.map((d) => limit(() => (Date.now() + deliveryTimeoutMs() < d.sendBy ? attempt(d) : Promise.resolve(null)))),
  );
  const attempts = sent.filter((a) => a !== null);
  await store().recordAttempts(attempts);
  const gone = attempts.filter((a) => a.gone).map((a) => a.gatewayId);
  // Loaded only then: it writes through Prisma, which a CLI command that sends notices never starts otherwise.
  if (gone.length > 0) await (await import("./stop-gone-gateways")).stopGoneGateways(gone);

  return attempts;
}
