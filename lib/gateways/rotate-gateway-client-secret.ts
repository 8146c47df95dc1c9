import { SECRET_OVERLAPS, secretOverlapSchema, type SecretOverlap } from "@/lib/base/overlap.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { newClientSecret } from "@/lib/engine/credentials/new-client-secret";
import { replaceClientSecret } from "@/lib/engine/credentials/replace-client-secret";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

type RotateOptions = { gatewayId: string; overlap?: SecretOverlap; actor: Actor; now?: number };

/**
 * A new client secret for the gateway's introspection client, shown once: losing it no longer means
 * deleting the gateway. The secrets still valid keep authenticating until the overlap ends ("none":
 * revoked now, the leak response), so a running gateway can be switched without refusals meanwhile.
 * A gateway's client holds no tokens, so nothing else changes and no notice is sent.
 */
export async function rotateGatewayClientSecret({ gatewayId, actor, now = Date.now(), ...input }: RotateOptions) {
  assertCan(actor, "gateways.manage");
  const overlap = secretOverlapSchema.parse(input.overlap);
  const { clientId, name } = await getGatewayOrThrow(gatewayId);
  const { secret, secretHash, last4 } = newClientSecret();
  const endsAt = new Date(now + SECRET_OVERLAPS[overlap] * 1000);
  await db.$transaction(async (tx) => {
    await replaceClientSecret(tx, { clientId, secretHash, last4, endsAt, now, revoke: overlap === "none" });
    await recordAuditEvent(
      { appId: null, actor, action: "gateway.client_secret_rotated", detail: { gatewayId, gatewayName: name, clientId, last4, overlap } },
      tx,
    );
  });

  return { clientId, clientSecret: secret, previousExpireAt: overlap === "none" ? null : endsAt.toISOString() };
}

export type RotatedGatewayClientSecret = Awaited<ReturnType<typeof rotateGatewayClientSecret>>;
