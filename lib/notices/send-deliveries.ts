import { decryptSecret } from "@/lib/crypto/secret-box";
import { deliverNotice } from "@/lib/notices/deliver-notice";
import { store, type DeliveryAttempt, type PendingDelivery } from "@/lib/store";
import { retryDelayMs } from "./backoff";
import { tokenNoticeBody } from "./contract";

const signingSecrets = (d: PendingDelivery, now: number) => {
  const secrets = [decryptSecret(d.signingSecret)];
  if (d.previousSigningSecret && (d.previousSecretExpiresAt ?? 0) > now) secrets.push(decryptSecret(d.previousSigningSecret));

  return secrets;
};

/** Sends every delivery in parallel, then writes all outcomes back in one transaction. */
export async function sendDeliveries(deliveries: PendingDelivery[]): Promise<DeliveryAttempt[]> {
  if (deliveries.length === 0) return [];
  const attempts = await Promise.all(
    deliveries.map(async (d): Promise<DeliveryAttempt> => {
      const at = Date.now();
      const result = await deliverNotice({
        url: d.revokeUrl,
        id: d.eventId,
        secrets: signingSecrets(d, at),
        body: tokenNoticeBody({ type: d.type, createdAt: d.createdAt, sequence: d.sequence, tokensJson: d.tokens }),
        now: at,
      });
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
      };
    }),
  );
  await store().recordAttempts(attempts);

  return attempts;
}
