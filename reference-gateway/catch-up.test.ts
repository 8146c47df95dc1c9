import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGateway } from "./create-gateway";
import { hashToken } from "./hash-token";
import { createFakeKeyManager } from "./testing/fake-key-manager";
import { CLIENT, inOneHour, newSecret, newToken, postNotice, signedNotice, startStack, waitFor } from "./testing/harness";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const done of cleanups.splice(0).reverse()) await done();
});

const feedEvent = (sequence: number, tokens: string[], type: "token.revoked" | "token.updated" = "token.revoked") => ({
  id: `msg_feed_${sequence}`,
  type,
  sequence,
  timestamp: new Date().toISOString(),
  tokens: tokens.map((t) => ({
    token_hash: hashToken(t),
    token_type: "access_token" as const,
    client_id: "pcl_ci_app",
    expires_at: inOneHour(),
  })),
});

async function stackWithCachedToken() {
  const stack = await startStack();
  cleanups.push(stack.close);
  await waitFor(() => stack.gw.stats().catchups === 1);
  const token = newToken();
  stack.km.answers.set(token, { active: true, exp: Math.floor(Date.now() / 1000) + 3600 });
  expect((await stack.call(token)).status).toBe(200);

  return { stack, token };
}

describe("reference gateway: catch-up feed", () => {
  it("catches up from the feed at start and refuses what it lists", async () => {
    const { stack, token } = await stackWithCachedToken();
    expect(stack.km.counters.feedAfters).toEqual([0]);
    const missed = newToken();
    stack.km.answers.set(missed, { active: true }); // the race: the key manager's answer is still "active"
    stack.km.feed.push(feedEvent(3, [missed]), feedEvent(4, [token]));
    const { gw, url } = await stack.start({ after: 2 });
    await waitFor(() => gw.stats().catchups === 1);

    expect(gw.stats()).toMatchObject({ last_sequence: 4, tombstones: 2 });
    expect(Object.keys(gw.stats().evictions).sort()).toEqual([hashToken(missed), hashToken(token)].sort());
    for (const t of [missed, token]) expect((await fetch(`${url}/x`, { headers: { authorization: `Bearer ${t}` } })).status).toBe(401);
    expect(stack.km.counters.feedAfters.at(-1)).toBe(2);
  });

  it("calls the feed when a notice's sequence skips past last+1, and evicts what it missed", async () => {
    const { stack, token } = await stackWithCachedToken();
    await postNotice(stack.url, signedNotice({ secret: stack.secret, sequence: 1, tokens: [newToken()] }));
    expect(stack.km.counters.feedCalls).toBe(1); // contiguous: no catch-up
    stack.km.feed.push(feedEvent(2, [token])); // the notice for 2 never arrived
    await postNotice(stack.url, signedNotice({ secret: stack.secret, sequence: 3, tokens: [newToken()] }));

    await waitFor(() => stack.gw.stats().catchups === 2);
    expect(stack.km.counters.feedAfters).toEqual([0, 1]);
    expect(stack.gw.stats().evictions[hashToken(token)]).toBeGreaterThan(0);
    expect((await stack.call(token)).status).toBe(401);
    expect(stack.gw.stats().last_sequence).toBe(3);
  });

  it("pages through the feed until has_more is false", async () => {
    const { stack } = await stackWithCachedToken();
    const tokens = Array.from({ length: 1_203 }, newToken);
    tokens.forEach((t, i) => stack.km.feed.push(feedEvent(i + 1, [t])));
    const { gw } = await stack.start();
    await waitFor(() => gw.stats().catchups === 1);
    expect(stack.km.counters.feedAfters.slice(-3)).toEqual([0, 500, 1000]);
    expect(gw.stats()).toMatchObject({ last_sequence: 1_203, tombstones: 1_203 });
  });

  it("serves while the key manager is down at start, and catches up once it is back", async () => {
    const port = await freePort();
    const km = createFakeKeyManager(CLIENT);
    const secret = newSecret();
    const gw = createGateway({
      port: 0,
      upstream: "http://127.0.0.1:9",
      keyManager: `http://127.0.0.1:${port}`,
      ...CLIENT,
      signingSecret: secret,
      quiet: true,
      backoff: { initialMs: 20, maxMs: 100 },
    });
    const { port: gwPort } = await gw.listen();
    cleanups.push(
      () => gw.close(),
      () => km.close(),
    );
    expect((await fetch(`http://127.0.0.1:${gwPort}/_gateway/health`)).status).toBe(200);
    const revoked = newToken();
    expect((await fetch(`http://127.0.0.1:${gwPort}/x`, { headers: { authorization: `Bearer ${revoked}` } })).status).toBe(503);
    await waitFor(() => gw.stats().catchup_failures >= 1); // the key manager refuses connections: the stats say so, and why
    expect(gw.stats().last_catchup_error).toBe("fetch failed: ECONNREFUSED");

    km.feed.push(feedEvent(7, [revoked]));
    km.answers.set(revoked, { active: true }); // a stale answer must not matter once the feed has been read
    await km.listen(port);
    await waitFor(() => gw.stats().catchups === 1);
    expect(gw.stats()).toMatchObject({ last_sequence: 7, tombstones: 1 });
    expect((await fetch(`http://127.0.0.1:${gwPort}/x`, { headers: { authorization: `Bearer ${revoked}` } })).status).toBe(401);
    expect(km.counters.feedAfters).toEqual([0]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
