import { SECRET_OVERLAPS, secretOverlapSchema, type SecretOverlap } from "@/lib/base/overlap.shared";
import { decryptSecret, encryptSecret } from "@/lib/base/secret-box";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { assertAdmin, type AdminActor } from "@/lib/engine/identity/assert-admin";
import { newSigningSecret } from "@/lib/engine/notices/sign-notice";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

type RotateOptions = { gatewayId: string; overlap?: SecretOverlap; actor: AdminActor; ip?: string | null; now?: number };

/**
 * A new signing secret, shown once. During the overlap notices carry a signature with the old
 * secret too (Standard Webhooks allows several), so the gateway can be switched without a gap.
 */
export async function rotateSigningSecret({ gatewayId, actor, ip, now = Date.now(), ...input }: RotateOptions) {
  assertAdmin(actor);
  const overlap = secretOverlapSchema.parse(input.overlap);
  await getGatewayOrThrow(gatewayId);
  const current = await db.gateway.findUniqueOrThrow({ where: { id: gatewayId }, select: { signingSecret: true } });
  const signingSecret = newSigningSecret();
  const keepOld = SECRET_OVERLAPS[overlap] > 0;
  const previousSecretExpiresAt = keepOld ? new Date(now + SECRET_OVERLAPS[overlap] * 1000) : null;
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
    detail: { gatewayId, overlap },
  });

  return { signingSecret, previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null };
}
