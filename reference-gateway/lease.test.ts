import { afterEach, describe, expect, it } from "vitest";
import { hashToken } from "./hash-token";
import { gatewayOptionsSchema } from "./options";
import { parseCli } from "./parse-cli";
import { inOneHour, newToken, postNotice, signedHeartbeat, startStack, waitFor } from "./testing/harness";

// README, "Heartbeat and lease", on the gateway's side: real HTTP against a fake key manager.
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});

async function stackWithCachedToken(overrides: Parameters<typeof startStack>[0] = {}) {
  const stack = await startStack(overrides);
  cleanups.push(stack.close);
  await waitFor(() => stack.gw.stats().catchups === 1);
  const token = newToken();
  stack.km.answers.set(token, { active: true, exp: Math.floor(Date.now() / 1000) + 3600 });
  expect((await stack.call(token)).status).toBe(200);
  const beat = (o: { sequence?: number; leaseSeconds?: number; at?: Date } = {}) =>
    postNotice(
      stack.url,
      signedHeartbeat({
        secret: stack.secret,
        sequence: o.sequence ?? stack.gw.stats().last_sequence,
        leaseSeconds: o.leaseSeconds ?? 1,
        at: o.at,
      }),
    );

  return { stack, token, beat };
}

describe("reference gateway: heartbeat and lease", () => {
  it("catches up at once when a heartbeat's sequence is ahead of the last one it saw", async () => {
    const { stack, token, beat } = await stackWithCachedToken();
    stack.km.feed.push({
      id: "msg_missed",
      type: "token.revoked",
      sequence: 1,
      timestamp: new Date().toISOString(),
      tokens: [{ token_hash: hashToken(token), token_type: "access_token", client_id: "pcl_ci_app", expires_at: inOneHour() }],
    });

    expect((await beat({ sequence: 1 })).status).toBe(204);
    await waitFor(() => stack.gw.stats().catchups === 2);
    expect(stack.km.counters.feedAfters.at(-1)).toBe(0);
    expect((await stack.call(token)).status).toBe(401);
    expect(stack.gw.stats()).toMatchObject({ last_sequence: 1, heartbeats: 1, notices_accepted: 0 });
  });

  it("introspects every request once nothing valid was heard within the lease, and serves its cache again after a heartbeat", async () => {
    const { stack, token, beat } = await stackWithCachedToken({ initialLeaseSeconds: 1 });
    expect(stack.gw.stats()).toMatchObject({ state: "fresh", last_heard_at: null, lease_seconds: 1, on_stale: "introspect" });
    await waitFor(() => stack.gw.stats().state === "stale", 3_000);
    const before = stack.km.counters.introspections;
    for (let i = 1; i <= 2; i++) {
      expect((await stack.call(token)).status).toBe(200);
      expect(stack.km.counters.introspections).toBe(before + i);
    }

    expect((await beat({ leaseSeconds: 5 })).status).toBe(204);
    expect(stack.gw.stats()).toMatchObject({ state: "fresh", lease_seconds: 5, last_heard_at: expect.any(String) });
    expect((await stack.call(token)).status).toBe(200);
    expect(stack.km.counters.introspections).toBe(before + 2);
    expect(stack.gw.stats().stale_introspections).toBe(2);
  });

  it("with --on-stale refuse answers 503 while stale, and admits from its cache once it hears again", async () => {
    const { stack, token, beat } = await stackWithCachedToken({ initialLeaseSeconds: 1, onStale: "refuse" });
    await waitFor(() => stack.gw.stats().state === "stale", 3_000);
    const before = stack.km.counters.introspections;
    const refused = await stack.call(token);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: "temporarily_unavailable" });

    await beat();
    expect((await stack.call(token)).status).toBe(200);
    expect(stack.km.counters.introspections).toBe(before);
    expect(stack.gw.stats()).toMatchObject({ stale_refusals: 1, on_stale: "refuse" });
  });

  it("back after a lapse, trusts its cache only once it has caught up on what it missed", async () => {
    const { stack, token, beat } = await stackWithCachedToken({ initialLeaseSeconds: 1 });
    await waitFor(() => stack.gw.stats().state === "stale", 3_000);
    const port = Number(new URL(stack.km.url).port);
    await stack.km.close(); // the feed cannot be read
    expect((await beat({ sequence: 7, leaseSeconds: 5 })).status).toBe(204);
    expect(stack.gw.stats()).toMatchObject({ state: "stale", lease_seconds: 5, last_sequence: 7 }); // heard, but behind

    await stack.km.listen(port);
    await waitFor(() => stack.gw.stats().state === "fresh", 3_000);
    expect(stack.km.counters.feedAfters.at(-1)).toBe(0);
    const before = stack.km.counters.introspections;
    expect((await stack.call(token)).status).toBe(200);
    expect(stack.km.counters.introspections).toBe(before);
  });

  it("counts the lease from the signed timestamp: a heartbeat replayed later does not renew it", async () => {
    const { stack, beat } = await stackWithCachedToken({ initialLeaseSeconds: 1 });
    await waitFor(() => stack.gw.stats().state === "stale", 3_000);
    expect((await beat({ at: new Date(Date.now() - 10_000) })).status).toBe(204); // its signature holds for 5 minutes
    expect(stack.gw.stats()).toMatchObject({ state: "stale", heartbeats: 1 });
  });

  it("refuses an unsigned heartbeat and stays stale", async () => {
    const { stack } = await stackWithCachedToken({ initialLeaseSeconds: 1 });
    await waitFor(() => stack.gw.stats().state === "stale", 3_000);
    const forged = signedHeartbeat({ secret: `whsec_${Buffer.alloc(32, 7).toString("base64")}`, sequence: 0, leaseSeconds: 60 });
    expect((await postNotice(stack.url, forged)).status).toBe(401);
    expect(stack.gw.stats()).toMatchObject({ state: "stale", lease_seconds: 1 });
  });

  it("takes --on-stale from the flag or GATEWAY_ON_STALE, and only introspect or refuse", () => {
    const base = ["--port", "0", "--upstream", "http://127.0.0.1:9", "--key-manager", "http://127.0.0.1:3000", "--client-id", "c"];
    const env = { GATEWAY_CLIENT_SECRET: "s", GATEWAY_SIGNING_SECRET: `whsec_${Buffer.alloc(32, 1).toString("base64")}` };
    expect(gatewayOptionsSchema.parse(parseCli(base, env)).onStale).toBe("introspect");
    expect(gatewayOptionsSchema.parse(parseCli([...base, "--on-stale", "refuse"], env)).onStale).toBe("refuse");
    expect(gatewayOptionsSchema.parse(parseCli(base, { ...env, GATEWAY_ON_STALE: "refuse" })).onStale).toBe("refuse");
    expect(gatewayOptionsSchema.safeParse(parseCli([...base, "--on-stale", "serve"], env)).success).toBe(false);
  });
});
