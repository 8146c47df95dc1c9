import { decryptSecret } from "@/lib/base/secret-box";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { deliverNotice } from "@/lib/engine/notices/deliver-notice";
import { randomUUID } from "node:crypto";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

/**
 * Sends a signed `gateway.ping` (never stored, never retried) and reports only whether the gateway
 * acknowledged it: a socket error, a status or a timing would make this a port scanner for
 * whoever may edit the URL.
 */
export async function sendTestNotice({ gatewayId, actor, now = Date.now() }: { gatewayId: string; actor: Actor; now?: number }) {
  assertCan(actor, "gateways.manage");
  const { revokeUrl } = await getGatewayOrThrow(gatewayId);
  const { signingSecret } = await db.gateway.findUniqueOrThrow({ where: { id: gatewayId }, select: { signingSecret: true } });
  const body = JSON.stringify({ type: "gateway.ping", timestamp: new Date(now).toISOString(), data: {} });
  const { ok } = await deliverNotice({
    url: revokeUrl,
    id: `ping_${randomUUID().replace(/-/g, "")}`,
    secrets: [decryptSecret(signingSecret)],
    body,
    now,
  });

  return { ok };
}
