import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { deliverNotice } from "@/lib/notices/deliver-notice";
import { randomUUID } from "node:crypto";
import { assertAdmin, type AdminActor } from "./assert-admin";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

/** Sends a signed `gateway.ping` (never stored, never retried) and reports what the gateway answered. */
export async function sendTestNotice({ gatewayId, actor, now = Date.now() }: { gatewayId: string; actor: AdminActor; now?: number }) {
  assertAdmin(actor);
  const { revokeUrl } = await getGatewayOrThrow(gatewayId);
  const { signingSecret } = await db.gateway.findUniqueOrThrow({ where: { id: gatewayId }, select: { signingSecret: true } });
  const body = JSON.stringify({ type: "gateway.ping", timestamp: new Date(now).toISOString(), data: {} });
  const started = Date.now();
  const result = await deliverNotice({
    url: revokeUrl,
    id: `ping_${randomUUID().replace(/-/g, "")}`,
    secrets: [decryptSecret(signingSecret)],
    body,
    now,
  });

  return { ...result, latencyMs: Date.now() - started };
}
