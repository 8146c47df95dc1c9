import { recordAuditEvent } from "@/lib/audit/record-event";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { newSigningSecret } from "@/lib/notices/sign-notice";
import { assertAdmin, type AdminActor } from "./assert-admin";
import { getGatewayOrThrow } from "./get-gateway-or-throw";
import { rotateSigningSecretSchema, SECRET_GRACE } from "./schemas";

type RotateOptions = { gatewayId: string; grace?: "none" | "1h" | "24h"; actor: AdminActor; ip?: string | null; now?: number };

/**
 * A new signing secret, shown once. For the grace period notices carry a signature with the old
 * secret too (Standard Webhooks allows several), so the gateway can be switched without a gap.
 */
export async function rotateSigningSecret({ gatewayId, actor, ip, now = Date.now(), ...input }: RotateOptions) {
  assertAdmin(actor);
  const { grace } = rotateSigningSecretSchema.parse(input);
  await getGatewayOrThrow(gatewayId);
  const current = await db.gateway.findUniqueOrThrow({ where: { id: gatewayId }, select: { signingSecret: true } });
  const signingSecret = newSigningSecret();
  const keepOld = SECRET_GRACE[grace] > 0;
  const previousSecretExpiresAt = keepOld ? new Date(now + SECRET_GRACE[grace] * 1000) : null;
  await db.gateway.update({
    where: { id: gatewayId },
    data: {
      signingSecret: encryptSecret(signingSecret),
      previousSigningSecret: keepOld ? encryptSecret(decryptSecret(current.signingSecret)) : null,
      previousSecretExpiresAt,
    },
  });
  await recordAuditEvent({
    appId: null,
    actorId: actor.id,
    actor: actor.email,
    ip,
    action: "gateway.secret_rotated",
    detail: { gatewayId, grace },
  });

  return { signingSecret, previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null };
}
