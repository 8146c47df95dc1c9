import { heartbeatBody, subscriptionNoticeBody } from "@/lib/base/contract.shared";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { createGateway, type Gateway } from "../create-gateway";
import { hashToken } from "../hash-token";
import type { GatewayInput } from "../options";
import { startEchoUpstream } from "./echo-upstream";
import { createFakeKeyManager } from "./fake-key-manager";

export const CLIENT = { clientId: "pcl_ci_gateway", clientSecret: "s3cret:with+odd chars/=" };
export const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;
export const newToken = () => `pcl_at_${randomBytes(24).toString("base64url")}`;
export const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** A fake key manager, an echo upstream and one gateway wired together on loopback ports. */
export async function startStack(overrides: Partial<GatewayInput> = {}) {
  const km = createFakeKeyManager(CLIENT);
  await km.listen();
  const upstream = await startEchoUpstream();
  const secret = newSecret();
  const gateways: Gateway[] = [];
  const start = async (more: Partial<GatewayInput> = {}) => {
    const gw = createGateway({
      port: 0,
      upstream: upstream.url,
      keyManager: km.url,
      ...CLIENT,
      signingSecret: secret,
      quiet: true,
      backoff: { initialMs: 20, maxMs: 200 },
      ...overrides,
      ...more,
    });
    gateways.push(gw);
    const { port } = await gw.listen();

    return { gw, url: `http://127.0.0.1:${port}` };
  };
  const { gw, url } = await start();

  return {
    km,
    upstream,
    secret,
    gw,
    url,
    start,
    call: (token: string | null, path = "/things?x=1", init: RequestInit = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) },
      }),
    close: async () => {
      await Promise.all(gateways.map((g) => g.close()));
      await Promise.all([km.close(), upstream.close()]);
    },
  };
}

type NoticeOptions = { secret: string; id?: string; type?: string; sequence: number; tokens?: string[]; at?: Date; expiresAt?: string };

/** A notice exactly as the contract says, signed with the standardwebhooks package. */
export function signedNotice({
  secret,
  id = `msg_${randomBytes(8).toString("hex")}`,
  type = "token.revoked",
  sequence,
  tokens = [],
  at = new Date(),
  expiresAt = inOneHour(),
}: NoticeOptions) {
  const list = tokens.map((t) => ({
    token_hash: hashToken(t),
    token_type: "access_token",
    client_id: "pcl_ci_app",
    expires_at: expiresAt,
  }));
  const body = JSON.stringify({ type, timestamp: at.toISOString(), data: { sequence, tokens: list } });
  const headers = {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };

  return { id, body, headers };
}

export const postNotice = (url: string, notice: { body: string; headers: Record<string, string> }, path = "/portcullis/revoke") =>
  fetch(`${url}${path}`, { method: "POST", headers: notice.headers, body: notice.body });

/** Polls until `check` holds; timing-based tests wait for a condition, never a fixed sleep. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met before the deadline");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A gateway.heartbeat exactly as the key manager sends it (lib/engine/notices/heartbeat.ts), signed at `at`. */
export function signedHeartbeat({
  secret,
  sequence,
  leaseSeconds,
  at = new Date(),
}: {
  secret: string;
  sequence: number;
  leaseSeconds: number;
  at?: Date;
}) {
  const id = `hb_${randomBytes(16).toString("hex")}`;
  const body = heartbeatBody({ at: at.getTime(), sequence, leaseSeconds });
  const headers = {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };

  return { id, body, headers };
}

/** A subscription.changed exactly as the key manager sends it (lib/base/contract.shared.ts). */
export function signedSubscriptionNotice({
  secret,
  sequence,
  clientId,
  api,
}: {
  secret: string;
  sequence: number;
  clientId: string;
  api: { context: string; version: string };
}) {
  const at = new Date();
  const id = `msg_${randomBytes(8).toString("hex")}`;
  const body = subscriptionNoticeBody({ createdAt: at.getTime(), sequence, clientId, api });
  const headers = {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };

  return { id, body, headers };
}
