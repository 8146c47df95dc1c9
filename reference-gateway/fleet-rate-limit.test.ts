import { db } from "@/lib/data/db/client";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, createTestApp, createTestGateway, TEST_ADMIN } from "@/lib/testing/factories";
import { freePort, startGatewayProcess } from "@/lib/testing/gateway-process";
import { startFront } from "@/lib/testing/http/raw-http";
import { issueToken } from "@/lib/tokens/issue-token";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway } from "./create-gateway";
import { startEchoUpstream } from "./testing/echo-upstream";
import { waitFor } from "./testing/harness";
import { dropKeys, REDIS_URL, redisReachable, startRedisRelay } from "./testing/redis";

// CI and the development machines run Redis; elsewhere the suite says why it did not run.
const reachable = await redisReachable();
if (!reachable && !process.env.CI) console.warn(`fleet-rate-limit: skipped, no Redis at ${REDIS_URL} (set REDIS_URL)`);

// Tier limits counted across several reference gateways, against the real key manager's front.
describe.skipIf(!reachable && !process.env.CI)("reference gateway: tier limits across the fleet (Redis)", () => {
  const closers: (() => unknown)[] = [];
  let front: Awaited<ReturnType<typeof startFront>>;
  let upstream: Awaited<ReturnType<typeof startEchoUpstream>>;
  beforeAll(async () => {
    [front, upstream] = await Promise.all([startFront(), startEchoUpstream()]);
    closers.push(front.close, upstream.close);
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  /** An application subscribed on Bronze (3 requests a minute), its token, and a key prefix of this test's own. */
  async function onBronze() {
    const { api, bronze, ref } = await createTestApi();
    const { app, user, clientId } = await createTestApp();
    await subscribe({ actor: TEST_ADMIN, asAdmin: true, appId: app!.id, apiId: api.id, tier: bronze.name });
    const { accessToken } = await issueToken({ clientId, subscriber: user.id });
    const prefix = `test:${randomUUID()}`;
    closers.push(() => dropKeys(prefix));

    return { ref, accessToken, prefix };
  }

  async function registerGateway(revokeUrl: string) {
    const registered = await createTestGateway(revokeUrl);
    closers.push(() => db.gateway.delete({ where: { id: registered.gateway.id } }));

    return registered;
  }

  const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

  it("two gateway processes on one Redis admit exactly 3 of 10 calls on a 3-per-minute tier", { timeout: 60_000 }, async () => {
    const { ref, accessToken, prefix } = await onBronze();
    const gateways = await Promise.all(
      [0, 1].map(async () => {
        const port = await freePort();
        const gateway = await startGatewayProcess({
          port,
          keyManager: `http://127.0.0.1:${front.port}`,
          upstream: upstream.url,
          creds: await registerGateway(`http://127.0.0.1:${port}/portcullis/revoke`),
          extra: ["--quiet", "--api", `${ref.context}:v1=${upstream.url}`, "--rate-limit-redis", REDIS_URL, "--rate-limit-prefix", prefix],
        });
        closers.push(gateway.kill);

        return gateway;
      }),
    );
    const counting = async () =>
      (await Promise.all(gateways.map((g) => g.stats()))).map((s) => (s.rate_limit as { counting: string }).counting);
    await waitFor(async () => (await counting()).every((c) => c === "fleet"), 10_000); // both connected

    const calls = Array.from({ length: 10 }, (_, i) => gateways[i % 2].call(accessToken, `${ref.context}/v1/forecast`));
    const answered = await Promise.all(calls);
    expect(statuses(answered)).toEqual([...Array(3).fill(200), ...Array(7).fill(429)]);
    const stats = await Promise.all(gateways.map((g) => g.stats()));
    expect(stats.map((s) => s.rate_limited as number).reduce((a, b) => a + b)).toBe(7);
    expect(Number(answered.find((r) => r.status === 429)!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts alone while Redis does not answer, says so in its stats, and counts with the fleet again once it does", async () => {
    const { ref, accessToken, prefix } = await onBronze();
    const relay = await startRedisRelay();
    closers.push(relay.close);
    const registered = await registerGateway("http://127.0.0.1:1/placeholder");
    const start = async () => {
      const gw = createGateway({
        port: 0,
        keyManager: `http://127.0.0.1:${front.port}`,
        apis: [`${ref.context}:v1=${upstream.url}`],
        ...registered,
        quiet: true,
        rateLimitRedis: relay.url,
        rateLimitPrefix: prefix,
      });
      const { port } = await gw.listen();
      closers.push(() => gw.close());
      const call = () => fetch(`http://127.0.0.1:${port}${ref.context}/v1/x`, { headers: { authorization: `Bearer ${accessToken}` } });

      return { gw, call };
    };
    const [a, b] = [await start(), await start()];
    await waitFor(() => [a, b].every((g) => g.gw.stats().rate_limit.counting === "fleet"));
    expect([(await a.call()).status, (await b.call()).status]).toEqual([200, 200]); // 2 of the fleet's 3

    await relay.cut();
    // Each gateway now counts its own calls from zero: the fleet admits up to a tier per gateway, and is not down.
    const during = [await a.call(), await a.call(), await a.call(), await a.call(), await b.call()];
    expect(during.map((r) => r.status)).toEqual([200, 200, 200, 429, 200]);
    for (const { gw } of [a, b])
      expect(gw.stats().rate_limit).toMatchObject({ store: "redis", counting: "local", local_since: expect.any(String) });
    expect(a.gw.stats().rate_limit.fallbacks).toBeGreaterThan(0);

    await relay.restore();
    // Reconnected: back on the shared count, which saw the 2 calls before the cut. The third of the minute passes.
    await waitFor(() => [a, b].every((g) => g.gw.stats().rate_limit.counting === "fleet"), 10_000);
    expect(b.gw.stats().rate_limit).toMatchObject({ local_since: null });
    expect([(await a.call()).status, (await b.call()).status]).toEqual([200, 429]);
  });
});
