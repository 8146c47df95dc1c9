import { decryptSecret } from "@/lib/base/secret-box";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { deliverNotice, type NoticeResult } from "@/lib/engine/notices/deliver-notice";
import { randomUUID } from "node:crypto";
import { getGatewayOrThrow } from "./get-gateway-or-throw";

/** What a failed attempt's error means for whoever set the gateway up: the error first, as the delivery trail shows it. */
function testNoticeFailure({ status, error }: NoticeResult): string {
  if (status === 401 || status === 403)
    return `HTTP ${status}: the gateway refused the signature; check it has this gateway's signing secret`;
  if (error === "ECONNREFUSED") return "ECONNREFUSED: nothing listens at the revoke URL; check the URL and that the gateway runs";
  if (error === "ENOTFOUND" || error === "EAI_AGAIN") return `${error}: the revoke URL's host name does not resolve`;

  return error ?? `HTTP ${status}`;
}

/**
 * Sends a signed `gateway.ping` (never stored, never retried) and reports whether the gateway acknowledged
 * it and, if not, why: the same error the delivery trail shows the same admins for real notices (a
 * socket error or a status). The URL policy (assert-gateway-url.ts) is what keeps this from probing
 * metadata or, when refused, private addresses: it is checked before any connection.
 */
export async function sendTestNotice({ gatewayId, actor, now = Date.now() }: { gatewayId: string; actor: Actor; now?: number }) {
  assertCan(actor, "gateways.manage");
  const { revokeUrl } = await getGatewayOrThrow(gatewayId);
  const { signingSecret } = await db.gateway.findUniqueOrThrow({ where: { id: gatewayId }, select: { signingSecret: true } });
  const body = JSON.stringify({ type: "gateway.ping", timestamp: new Date(now).toISOString(), data: {} });
  const result = await deliverNotice({
    url: revokeUrl,
    id: `ping_${randomUUID().replace(/-/g, "")}`,
    secrets: [decryptSecret(signingSecret)],
    body,
    now,
  });

  return { ok: result.ok, failure: result.ok ? null : testNoticeFailure(result) };
}
