import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newToken, postNotice, signedNotice, startStack } from "./testing/harness";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeEach(async () => (stack = await startStack()));
afterEach(() => stack.close());

const active = (exp = Math.floor(Date.now() / 1000) + 3600) => ({ active: true, exp, client_id: "pcl_ci_app" });

describe("reference gateway: validation and proxy", () => {
  it("serves a second call within the TTL from its cache", async () => {
    const token = newToken();
    stack.km.answers.set(token, active());
    expect((await stack.call(token)).status).toBe(200);
    expect((await stack.call(token)).status).toBe(200);
    expect(stack.km.counters.introspections).toBe(1);
    expect(stack.gw.stats()).toMatchObject({ introspections: 1, cache_size: 1 });
  });

  it("answers 401 with a Bearer challenge for a missing, malformed or unknown token", async () => {
    for (const res of [await stack.call(null), await stack.call("not a b64token!"), await stack.call(newToken())]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
      expect(await res.json()).toEqual({ error: "invalid_token" });
    }
    expect(stack.km.counters.introspections).toBe(1); // only the well-formed unknown token was asked about
  });

  it("caches an inactive answer briefly, and honours exp over the TTL", async () => {
    const unknown = newToken();
    await stack.call(unknown);
    await stack.call(unknown);
    expect(stack.km.counters.introspections).toBe(1);

    const expired = newToken();
    stack.km.answers.set(expired, active(Math.floor(Date.now() / 1000) - 1)); // exp already past: admit, never cache
    await stack.call(expired);
    await stack.call(expired);
    expect(stack.km.counters.introspections).toBe(3);
  });

  it("shares one introspection among concurrent requests for the same token", async () => {
    const token = newToken();
    stack.km.answers.set(token, active());
    const statuses = await Promise.all(Array.from({ length: 8 }, () => stack.call(token).then((r) => r.status)));
    expect(statuses).toEqual(Array(8).fill(200));
    expect(stack.km.counters.introspections).toBe(1);
  });

  it("authenticates to the key manager with form-urlencoded Basic credentials (RFC 6749 §2.3.1)", async () => {
    await stack.call(newToken());
    expect(stack.km.counters.introspections).toBe(1);
    expect(stack.km.counters.unauthorized).toBe(0);
  });

  it("passes method, path, query and body to the upstream without Authorization or hop-by-hop headers", async () => {
    const token = newToken();
    stack.km.answers.set(token, active());
    const res = await stack.call(token, "/v1/orders?id=7&x=%20y", {
      method: "PUT",
      body: JSON.stringify({ a: 1 }),
      headers: { "content-type": "application/json", "x-custom": "kept", "proxy-authorization": "Basic eA==" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-upstream")).toBe("echo");
    const echoed = await res.json();
    expect(echoed).toMatchObject({ method: "PUT", url: "/v1/orders?id=7&x=%20y", body: '{"a":1}' });
    expect(echoed.headers).toMatchObject({ "x-custom": "kept", "content-type": "application/json" });
    expect(echoed.headers.authorization).toBeUndefined();
    expect(echoed.headers["proxy-authorization"]).toBeUndefined();
  });

  it("answers 502 when the upstream is down and 503 when the key manager cannot answer", async () => {
    const token = newToken();
    stack.km.answers.set(token, active());
    await stack.upstream.close();
    const down = await stack.call(token);
    expect(down.status).toBe(502);
    expect(await down.json()).toEqual({ error: "bad_gateway" });

    await stack.km.close();
    const unavailable = await stack.call(newToken());
    expect(unavailable.status).toBe(503);
    expect(stack.gw.stats().cache_size).toBe(1); // the failure cached nothing
  });

  it("serves health and stats without a token, and 404 for other /_gateway paths", async () => {
    expect((await stack.call(null, "/_gateway/health")).status).toBe(200);
    const stats = await (await stack.call(null, "/_gateway/stats")).json();
    expect(Object.keys(stats).sort()).toEqual([
      "api_cache_size",
      "cache_size",
      "catchup_failures",
      "catchups",
      "evictions",
      "heartbeats",
      "introspections",
      "last_catchup_error",
      "last_heard_at",
      "last_sequence",
      "lease_seconds",
      "notices_accepted",
      "notices_rejected",
      "on_stale",
      "rate_limit",
      "rate_limited",
      "stale_introspections",
      "stale_refusals",
      "state",
      "subscription_changes",
      "subscription_evictions",
      "tombstones",
    ]);
    expect((await stack.call(null, "/_gateway/other")).status).toBe(404);
  });

  it("admits an active token at /_gateway/canary without the upstream, and refuses it once a notice evicts it", async () => {
    const token = newToken();
    stack.km.answers.set(token, active());
    const admitted = await stack.call(token, "/_gateway/canary");
    expect(admitted.status).toBe(200);
    expect(admitted.headers.get("x-upstream")).toBeNull(); // answered by the gateway itself
    expect(await admitted.json()).toEqual({ status: "admitted" });
    expect((await stack.call(token, "/_gateway/canary")).status).toBe(200);
    expect(stack.km.counters.introspections).toBe(1); // from the cache, as any protected route

    expect((await postNotice(stack.url, signedNotice({ secret: stack.secret, sequence: 1, tokens: [token] }))).status).toBe(204);
    expect((await stack.call(token, "/_gateway/canary")).status).toBe(401);
    expect((await stack.call(null, "/_gateway/canary")).status).toBe(401);
    expect((await stack.call(newToken(), "/_gateway/canary")).status).toBe(401);
  });
});
