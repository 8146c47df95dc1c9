import { AppError } from "@/lib/base/errors.shared";
import { encryptSecret } from "@/lib/base/secret-box";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { createClient } from "@/lib/engine/credentials/create-client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { newSigningSecret } from "@/lib/engine/notices/sign-notice";
import { assertRevokeTarget } from "./assert-revoke-target";
import { GATEWAY_PUBLIC_SELECT, toGatewaySummary } from "./gateway-summary";
import { createGatewaySchema, type CreateGatewayInput, type GatewaySummary } from "./schemas.shared";

export type CreatedGateway = { gateway: GatewaySummary; clientId: string; clientSecret: string; signingSecret: string };

/**
 * Registers a gateway with introspection credentials and a signing secret, both shown only here. Its revoke URL
 * must be one notices may go to (assertRevokeTarget: no private address while those are refused).
 */
export async function createGateway({ actor, ...input }: CreateGatewayInput & { actor: Actor }): Promise<CreatedGateway> {
  assertCan(actor, "gateways.manage");
  const { name, environment, revokeUrl, canaryUrl } = createGatewaySchema.parse(input);
  await assertRevokeTarget(revokeUrl);
  if (await db.gateway.findUnique({ where: { name }, select: { id: true } })) {
    throw new AppError("conflict", "A gateway with this name exists.", { name: ["A gateway with this name exists."] });
  }
  const signingSecret = newSigningSecret();

  return db.$transaction(async (tx) => {
    const { clientId, clientSecret } = await createClient({ kind: "gateway", tx });
    const gateway = await tx.gateway.create({
      data: { name, environment, revokeUrl, canaryUrl, clientId, signingSecret: encryptSecret(signingSecret) },
      select: GATEWAY_PUBLIC_SELECT,
    });
    await recordAuditEvent({ appId: null, actor, action: "gateway.created", detail: { gatewayId: gateway.id, name } }, tx);

    return { gateway: toGatewaySummary(gateway), clientId, clientSecret, signingSecret };
  });
}
