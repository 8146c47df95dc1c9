import { db } from "@/lib/data/db/client";
import { serveOAuth } from "@/lib/doors/http/serve-oauth";
import { introspectEndpoint } from "@/lib/doors/oauth/introspect";
import { revocationsEndpoint } from "@/lib/doors/oauth/revocations";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { changeSubscription } from "@/lib/subscriptions/change-subscription";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, createTestApp, createTestGateway, TEST_ADMIN } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "./create-gateway";
import { startEchoUpstream } from "./testing/echo-upstream";
import { newSecret, postNotice, signedNotice, waitFor } from "./testing/harness";

// The reference gateway against the real key manager (introspection and the feed, in process) and real upstreams.
describe("reference gateway: validation info per API", () => {
  const closers: (() => Promise<unknown>)[] = [];
  let km: string;
  beforeAll(async () => {
    const server = http.createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      const endpoint = path === "/oauth2/introspect" ? introspectEndpoint : path === "/oauth2/revocations" ? revocationsEndpoint : null;
      if (!endpoint) return void res.writeHead(404).end();
      void serveOAuth(req, res, endpoint, `http://127.0.0.1${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    km = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  async function startGateway(routes: string[], credentials: { clientId: string; clientSecret: string }, signingSecret: string, after = 0) {
    const gw: Gateway = createGateway({ port: 0, keyManager: km, apis: routes, ...credentials, signingSecret, quiet: true, after });
    const { port } = await gw.listen();
    closers.push(() => gw.close());

    return { gw, url: `http://127.0.0.1:${port}` };
  }

  it("routes by context and version, enforces the tier, and stops admitting a token for an API within 1 s of unsubscribing", async () => {
    const [weather, maps] = [await createTestApi(), await createTestApi()];
    const [up1, up2] = [await startEchoUpstream(), await startEchoUpstream()];
    closers.push(up1.close, up2.close);
    const { app, user, clientId } = await createTestApp();
    const subs = [];
    for (const [api, tier] of [
      [weather, weather.bronze.name],
      [maps, maps.gold.name],
    ] as const)
      subs.push(await subscribe({ actor: TEST_ADMIN, asAdmin: true, appId: app!.id, apiId: api.api.id, tier }));
    const { accessToken } = await issueToken({ clientId, subscriber: user.id });

    const registered = await createTestGateway("http://127.0.0.1:1/placeholder");
    closers.push(() => db.gateway.delete({ where: { id: registered.gateway.id } }));
    const routes = [`${weather.ref.context}:v1=${up1.url}/base`, `${maps.ref.context}:v1=${up2.url}`];
    const { gw, url } = await startGateway(routes, registered, registered.signingSecret);
    await db.gateway.update({ where: { id: registered.gateway.id }, data: { revokeUrl: `${url}/portcullis/revoke` } });
    const call = (path: string, token = accessToken) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });

    const first = await call(`${weather.ref.context}/v1/today?units=metric`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ url: "/base/today?units=metric" }); // the context and version stay at the gateway
    expect((await call("/elsewhere/v1/x")).status).toBe(404);
    // Bronze allows 3 a minute: the 4th is refused with Retry-After, and the key manager is not asked again.
    expect([(await call(`${weather.ref.context}/v1/a`)).status, (await call(`${weather.ref.context}/v1/b`)).status]).toEqual([200, 200]);
    const limited = await call(`${weather.ref.context}/v1/c`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(`${maps.ref.context}/v1/tiles`)).status).toBe(200);
    expect(gw.stats()).toMatchObject({ introspections: 2, api_cache_size: 2, rate_limited: 1 });

    const removed = await changeSubscription({ where: { id: subs[0].id }, action: { kind: "remove" }, actor: TEST_ADMIN });
    const at = Date.now();
    await flushNotices(removed.notices);
    await waitFor(async () => (await call(`${weather.ref.context}/v1/today`)).status === 401, 1_000);
    expect(Date.now() - at).toBeLessThan(1_000);
    expect(gw.stats()).toMatchObject({ subscription_evictions: 1 }); // its catch-up at start also replayed other tests' changes
    expect((await call(`${maps.ref.context}/v1/tiles`)).status).toBe(200); // still subscribed there

    // A gateway that missed the notice (not registered) catches up from the feed when it sees a sequence gap.
    const away = await createTestApp({ kind: "gateway" });
    const secret = newSecret();
    const late = await startGateway(routes, away, secret, removed.notices.sequences[0]);
    expect((await fetch(`${late.url}${maps.ref.context}/v1/tiles`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(
      200,
    );
    const blocked = await changeSubscription({ where: { id: subs[1].id }, action: { kind: "block", reason: "test" }, actor: TEST_ADMIN });
    await flushNotices(blocked.notices);
    const ping = signedNotice({ secret, type: "gateway.ping", sequence: blocked.notices.sequences[0] + 5 });
    expect((await postNotice(late.url, ping)).status).toBe(200);
    await waitFor(() => late.gw.stats().subscription_evictions === 1);
    expect((await fetch(`${late.url}${maps.ref.context}/v1/tiles`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(
      401,
    );
  });
});
