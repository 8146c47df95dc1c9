import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newToken, postNotice, signedNotice, signedSubscriptionNotice, startStack, waitFor } from "./testing/harness";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeEach(async () => (stack = await startStack()));
afterEach(() => stack.close());

const ACTIVE = () => ({ active: true, exp: Math.floor(Date.now() / 1000) + 3600 });

describe("reference gateway: the in-flight race", () => {
  it("neither admits nor caches an 'active' answer that arrives after the token's revocation notice", async () => {
    const token = newToken();
    stack.km.answers.set(token, ACTIVE()); // answered as it was just before the revocation committed
    const hold = stack.km.holdNextIntrospection();
    const pending = stack.call(token);
    await hold.arrived; // the gateway's introspection is in flight
    expect((await postNotice(stack.url, signedNotice({ secret: stack.secret, sequence: 1, tokens: [token] }))).status).toBe(204);
    hold.release();

    expect((await pending).status).toBe(401);
    expect(stack.gw.stats()).toMatchObject({ cache_size: 0, tombstones: 1 });
    expect((await stack.call(token)).status).toBe(401); // still refused, though the key manager keeps saying active
    expect(stack.km.counters.introspections).toBe(1);
  });

  it("does not let a request join an introspection that began before the eviction", async () => {
    const token = newToken();
    stack.km.answers.set(token, ACTIVE());
    const hold = stack.km.holdNextIntrospection();
    const first = stack.call(token);
    await hold.arrived;
    await postNotice(stack.url, signedNotice({ secret: stack.secret, type: "token.updated", sequence: 1, tokens: [token] }));
    const second = stack.call(token); // starts a fresh introspection, not the stale one
    await waitFor(() => stack.km.counters.introspections === 2);
    hold.release();

    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(stack.km.counters.introspections).toBe(2);
  });

  it("re-asks once when token.updated lands while its introspection was in flight", async () => {
    const token = newToken();
    stack.km.answers.set(token, ACTIVE());
    const hold = stack.km.holdNextIntrospection();
    const pending = stack.call(token);
    await hold.arrived;
    stack.km.answers.set(token, { active: false }); // the update ended it; the held answer still says active
    await postNotice(stack.url, signedNotice({ secret: stack.secret, type: "token.updated", sequence: 1, tokens: [token] }));
    hold.release();

    expect((await pending).status).toBe(401);
    expect(stack.km.counters.introspections).toBe(2);
  });

  it("lets a tombstone lapse at the token's expires_at", async () => {
    const token = newToken();
    stack.km.answers.set(token, { active: false });
    const expiresAt = new Date(Date.now() + 1_000).toISOString();
    await postNotice(stack.url, signedNotice({ secret: stack.secret, sequence: 1, tokens: [token], expiresAt }));
    expect((await stack.call(token)).status).toBe(401);
    expect(stack.km.counters.introspections).toBe(0); // refused by the tombstone alone
    await waitFor(async () => (await stack.call(token)).status === 401 && stack.km.counters.introspections === 1);
    expect(stack.gw.stats().tombstones).toBe(0);
  });
});

describe("reference gateway: a subscription that begins", () => {
  const API = { context: "/weather", version: "v1" };
  const SUBSCRIBED = (clientId: string) => ({
    ...ACTIVE(),
    client_id: clientId,
    api: { ...API, name: "Weather" },
    application: { id: "app_1", name: "App" },
    subscriber: "user_1",
    tier: { name: "Gold", requests_per_minute: 600, daily_quota: null },
  });

  it("drops the refusals cached for the API, and re-asks one that was on its way, on subscription.changed", async () => {
    const { url } = await stack.start({ apis: [`${API.context}:${API.version}=${stack.upstream.url}`] });
    const call = (token: string) => fetch(`${url}/weather/v1/today`, { headers: { authorization: `Bearer ${token}` } });
    const [cached, inFlight] = [newToken(), newToken()];
    expect((await call(cached)).status).toBe(401); // not subscribed yet: refused, and the refusal cached
    const hold = stack.km.holdNextIntrospection();
    const pending = call(inFlight);
    await hold.arrived; // its refusal is decided, and on its way

    for (const token of [cached, inFlight]) stack.km.answers.set(token, SUBSCRIBED("pcl_ci_app"));
    const notice = signedSubscriptionNotice({ secret: stack.secret, sequence: 1, clientId: "pcl_ci_app", api: API });
    expect((await postNotice(url, notice)).status).toBe(204);
    hold.release();

    expect((await pending).status).toBe(200); // the late refusal was neither admitted nor cached: asked again
    expect((await call(cached)).status).toBe(200);
    expect(stack.km.counters.introspections).toBe(4);
  });
});
