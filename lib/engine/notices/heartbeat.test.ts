import { db } from "@/lib/data/db/client";
import { createTestApp, createTestGateway, revokeForTest } from "@/lib/testing/factories";
import { freePort, startGatewayProcess } from "@/lib/testing/gateway-process";
import { startFront } from "@/lib/testing/http/raw-http";
import { eventually, startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { startTcpProxy } from "@/lib/testing/tcp-proxy";
import { issueToken } from "@/lib/tokens/issue-token";
import { startEchoUpstream } from "@/reference-gateway/testing/echo-upstream";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendHeartbeats } from "./heartbeat";

// Real processes, real HTTP: the key manager's front and the heartbeat sender in this process, the
// reference gateway in its own, each way through a TCP relay the test cuts to partition them.
const LEASE_S = 2;
const BEAT_MS = 200;

let front: Awaited<ReturnType<typeof startFront>>;
let upstream: Awaited<ReturnType<typeof startEchoUpstream>>;
beforeAll(async () => {
  vi.stubEnv("PORTCULLIS_GATEWAY_LEASE_SECONDS", String(LEASE_S));
  [front, upstream] = await Promise.all([startFront(), startEchoUpstream()]);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([front.close(), upstream.close()]);
});

describe("the gateway heartbeat", () => {
  it("signs the latest sequence and the lease under a fresh webhook-id each time, to every enabled gateway only", async () => {
    const receiver = await startNoticeReceiver();
    const [enabled, disabled] = [await createTestGateway(receiver.url), await createTestGateway(receiver.url)];
    await db.gateway.update({ where: { id: disabled.gateway.id }, data: { disabledAt: new Date() } });
    try {
      const latest = (await db.revocationEvent.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0;
      const ids = [enabled.gateway.id, disabled.gateway.id];
      for (let i = 0; i < 2; i++)
        expect(await sendHeartbeats({ gatewayIds: ids })).toMatchObject([{ gatewayId: enabled.gateway.id, ok: true }]);

      expect(receiver.heartbeats).toHaveLength(2);
      const beats = receiver.heartbeats.map((n) => ({
        id: n.headers["webhook-id"],
        payload: new Webhook(enabled.signingSecret).verify(n.body, n.headers as Record<string, string>) as { data: { sequence: number } },
      }));
      for (const { payload } of beats) {
        expect(payload).toEqual({
          type: "gateway.heartbeat",
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          data: { sequence: expect.any(Number), lease_seconds: LEASE_S },
        });
        expect(payload.data.sequence).toBeGreaterThanOrEqual(latest); // other test files commit events meanwhile
      }
      expect(beats[0].id).toMatch(/^hb_[0-9a-f]{32}$/);
      expect(beats[1].id).not.toBe(beats[0].id);
      expect(await db.revocationEvent.count({ where: { id: { startsWith: "hb_" } } })).toBe(0); // nothing stored
    } finally {
      await receiver.close();
      await db.gateway.deleteMany({ where: { id: { in: [enabled.gateway.id, disabled.gateway.id] } } });
    }
  });

  it("makes a returning gateway's backed-off notices due once it acknowledges a heartbeat again", async () => {
    const receiver = await startNoticeReceiver();
    const gw = await createTestGateway(receiver.url);
    try {
      const app = await createTestApp();
      const { tokenId } = await issueToken({ clientId: app.clientId, subscriber: app.user.id });
      receiver.setMode("fail");
      await revokeForTest({ selector: { tokenId } });
      const { revocationSeq } = await db.token.findUniqueOrThrow({ where: { id: tokenId } });
      const key = { eventSequence_gatewayId: { eventSequence: revocationSeq!, gatewayId: gw.gateway.id } };
      await db.delivery.update({ where: key, data: { nextAttemptAt: new Date(Date.now() + 10 * 60_000) } }); // as after a long outage
      expect(await sendHeartbeats({ gatewayIds: [gw.gateway.id] })).toMatchObject([{ ok: false, status: 500 }]);
      expect((await db.delivery.findUniqueOrThrow({ where: key })).nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

      receiver.setMode("ok");
      expect(await sendHeartbeats({ gatewayIds: [gw.gateway.id] })).toMatchObject([{ ok: true }]);
      expect((await db.delivery.findUniqueOrThrow({ where: key })).nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    } finally {
      await receiver.close();
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });

  it(
    "bounds staleness: a partitioned gateway stops serving cached answers within its lease, and serves them again once it hears",
    { timeout: 60_000 },
    async () => {
      const gatewayPort = await freePort();
      const [toGateway, toKeyManager] = await Promise.all([startTcpProxy(gatewayPort), startTcpProxy(front.port)]);
      const registered = await createTestGateway(`${toGateway.url}/portcullis/revoke`);
      const gateway = await startGatewayProcess({
        port: gatewayPort,
        keyManager: toKeyManager.url,
        upstream: upstream.url,
        creds: registered,
        extra: ["--quiet"],
      });
      const beating = setInterval(() => void sendHeartbeats({ gatewayIds: [registered.gateway.id] }), BEAT_MS);
      try {
        const app = await createTestApp();
        const { accessToken } = await issueToken({ clientId: app.clientId, subscriber: app.user.id });
        expect(await eventually(async () => Number((await gateway.stats()).heartbeats) > 0)).toBe(true);
        expect(await gateway.stats()).toMatchObject({ state: "fresh", lease_seconds: LEASE_S, last_heard_at: expect.any(String) });
        expect((await gateway.call(accessToken)).status).toBe(200);
        const introspections = async () => Number((await gateway.stats()).introspections);
        const cachedAt = await introspections();
        expect((await gateway.call(accessToken)).status).toBe(200);
        expect(await introspections()).toBe(cachedAt); // served from its cache

        // The key manager can no longer reach it: within the lease it asks the key manager on every request.
        const cut = Date.now();
        await toGateway.stop();
        expect(await eventually(async () => (await gateway.stats()).state === "stale", { timeoutMs: 10_000 })).toBe(true);
        expect(Date.now() - cut).toBeLessThan(LEASE_S * 1000 + 1_000);
        for (let i = 1; i <= 2; i++) {
          expect((await gateway.call(accessToken)).status).toBe(200);
          expect(await introspections()).toBe(cachedAt + i);
        }
        // Nor can it reach the key manager: it serves nothing from its cache.
        await toKeyManager.stop();
        expect((await gateway.call(accessToken)).status).toBe(503);

        // Healed: the next heartbeat makes it fresh, and its cache serves again.
        await Promise.all([toGateway.start(), toKeyManager.start()]);
        expect(await eventually(async () => (await gateway.stats()).state === "fresh", { timeoutMs: 5_000 })).toBe(true);
        expect((await gateway.call(accessToken)).status).toBe(200);
        const healed = await introspections();
        expect((await gateway.call(accessToken)).status).toBe(200);
        expect(await introspections()).toBe(healed);
      } finally {
        clearInterval(beating);
        await gateway.kill();
        await Promise.all([toGateway.stop(), toKeyManager.stop()]);
        await db.gateway.delete({ where: { id: registered.gateway.id } });
      }
    },
  );
});
