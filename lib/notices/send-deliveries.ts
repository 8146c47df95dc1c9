import { decryptSecret } from "@/lib/crypto/secret-box";
import { deliverNotice, deliveryTimeoutMs } from "@/lib/notices/deliver-notice";
import { store, type DeliveryAttempt, type PendingDelivery } from "@/lib/store";
import pLimit from "p-limit";
import { retryDelayMs } from "./backoff";
import { tokenNoticeBody } from "./contract";

// Requests in flight at once from one pass: a 100,000-token revocation to 50 gateways is 10,000
// deliveries, and must neither open them all at once nor outlive the lease it sends under.
const MAX_CONCURRENT = Number(process.env.PORTCULLIS_DELIVERY_CONCURRENCY ?? 64);

const signingSecrets = (d: PendingDelivery, now: number) => {
  const secrets = [decryptSecret(d.signingSecret)];
  if (d.previousSigningSecret && (d.previousSecretExpiresAt ?? 0) > now) secrets.push(decryptSecret(d.previousSigningSecret));

  return secrets;
};

async function attempt(d: PendingDelivery): Promise<DeliveryAttempt> {
  const at = Date.now();
  const body = tokenNoticeBody({ type: d.type, createdAt: d.createdAt, sequence: d.sequence, tokensJson: d.tokens });
  const result = await deliverNotice({ url: d.revokeUrl, id: d.eventId, secrets: signingSecrets(d, at), body, now: at });
  const done = Date.now();
  const count = d.attempts + 1;
  const nextAttemptAt = done + retryDelayMs(count);
  const status = result.ok ? "delivered" : nextAttemptAt > d.giveUpAt ? "failed" : "pending";

  return {
    sequence: d.sequence,
    gatewayId: d.gatewayId,
    at: done,
    status,
    attempts: count,
    nextAttemptAt,
    httpStatus: result.status,
    error: result.error,
    leaseUntil: d.leaseUntil,
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
    deliveries.map((d) => limit(() => (Date.now() + deliveryTimeoutMs() < d.leaseUntil ? attempt(d) : Promise.resolve(null)))),
  );
  const attempts = sent.filter((a): a is DeliveryAttempt => a !== null);
  await store().recordAttempts(attempts);

  return attempts;
}
