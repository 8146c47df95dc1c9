import { SECRET_OVERLAPS, secretOverlapSchema, type SecretOverlap } from "@/lib/base/overlap.shared";
import { decryptSecret, encryptSecret } from "@/lib/base/secret-box";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { newSigningSecret } from "@/lib/engine/notices/sign-notice";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

type RotateOptions = { gatewayId: string; overlap?: SecretOverlap; actor: Actor; now?: number };

/**
 * A new signing secret, shown once. During the overlap notices carry a signature with the old
 * secret too (Standard Webhooks allows several), so the gateway can be switched without a gap.
 */
export async function rotateSigningSecret({ gatewayId, actor, now = Date.now(), ...input }: RotateOptions) {
  assertCan(actor, "gateways.manage");
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
    actor,
    action: "gateway.secret_rotated",
    detail: { gatewayId, overlap },
  });

  return { signingSecret, previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null };
}
