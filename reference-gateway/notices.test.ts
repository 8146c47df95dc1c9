import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "./hash-token";
import { newSecret, newToken, postNotice, signedNotice, startStack } from "./testing/harness";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeEach(async () => (stack = await startStack()));
afterEach(() => stack.close());

/** A token the gateway has cached as active. */
async function cachedToken() {
  const token = newToken();
  stack.km.answers.set(token, { active: true, exp: Math.floor(Date.now() / 1000) + 3600 });
  expect((await stack.call(token)).status).toBe(200);

  return token;
}

describe("reference gateway: signed notices", () => {
  it("evicts on token.revoked and refuses the token from then on without asking again", async () => {
    const token = await cachedToken();
    stack.km.answers.set(token, { active: false }); // the key manager revoked it
    const res = await postNotice(stack.url, signedNotice({ secret: stack.secret, sequence: 1, tokens: [token] }));
    expect(res.status).toBe(204);
    expect(stack.gw.stats().evictions[hashToken(token)]).toBeGreaterThan(0);
    expect((await stack.call(token)).status).toBe(401);
    expect(stack.gw.stats()).toMatchObject({ notices_accepted: 1, last_sequence: 1, tombstones: 1, cache_size: 0, introspections: 1 });
  });

  it("evicts on token.updated, so the next call re-introspects and gets the new answer", async () => {
    const token = await cachedToken();
    stack.km.answers.set(token, { active: false });
    await postNotice(stack.url, signedNotice({ secret: stack.secret, type: "token.updated", sequence: 1, tokens: [token] }));
    expect((await stack.call(token)).status).toBe(401);
    expect(stack.km.counters.introspections).toBe(2);
  });

  it("lets a re-approved token back in: a later token.updated outranks an earlier token.revoked, in any order", async () => {
    const token = await cachedToken();
    await postNotice(stack.url, signedNotice({ secret: stack.secret, sequence: 1, tokens: [token] }));
    expect((await stack.call(token)).status).toBe(401);
    await postNotice(stack.url, signedNotice({ secret: stack.secret, type: "token.updated", sequence: 2, tokens: [token] }));
    expect((await stack.call(token)).status).toBe(200);
    // A late retry of the old revocation (new id, same sequence) must not undo the re-approval.
    await postNotice(stack.url, signedNotice({ secret: stack.secret, sequence: 1, tokens: [token] }));
    expect((await stack.call(token)).status).toBe(200);
  });

  it("refuses a bad signature with 401 and evicts nothing", async () => {
    const token = await cachedToken();
    const forged = signedNotice({ secret: newSecret(), sequence: 1, tokens: [token] });
    const res = await postNotice(stack.url, forged);
    expect(res.status).toBe(401);
    const tampered = signedNotice({ secret: stack.secret, sequence: 1, tokens: [newToken()] });
    const swapped = { ...tampered, body: tampered.body.replace(/"token_hash":"[0-9a-f]+"/, `"token_hash":"${hashToken(token)}"`) };
    expect((await postNotice(stack.url, swapped)).status).toBe(401);
    expect((await stack.call(token)).status).toBe(200);
    expect(stack.gw.stats()).toMatchObject({ notices_rejected: 2, notices_accepted: 0, cache_size: 1, evictions: {} });
    expect(stack.km.counters.introspections).toBe(1);
  });

  it("refuses a timestamp six minutes old with 401 and evicts nothing", async () => {
    const token = await cachedToken();
    const stale = signedNotice({ secret: stack.secret, sequence: 1, tokens: [token], at: new Date(Date.now() - 6 * 60_000) });
    expect((await postNotice(stack.url, stale)).status).toBe(401);
    expect((await stack.call(token)).status).toBe(200);
    expect(stack.gw.stats()).toMatchObject({ notices_rejected: 1, cache_size: 1, evictions: {} });
  });

  it("refuses a notice without the webhook headers", async () => {
    const res = await fetch(`${stack.url}/portcullis/revoke`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
  });

  it("answers a duplicate webhook-id with 2xx and processes it once", async () => {
    const token = await cachedToken();
    const notice = signedNotice({ secret: stack.secret, sequence: 1, tokens: [token] });
    expect((await postNotice(stack.url, notice)).status).toBe(204);
    const firstEviction = stack.gw.stats().evictions[hashToken(token)];
    const retry = signedNotice({ secret: stack.secret, id: notice.id, sequence: 1, tokens: [token] });
    expect((await postNotice(stack.url, retry)).status).toBe(204);
    expect(stack.gw.stats()).toMatchObject({ notices_accepted: 1, evictions: { [hashToken(token)]: firstEviction } });
  });

  it("accepts a notice signed with any configured secret (rotation) and answers a ping with 200", async () => {
    const next = newSecret();
    const { url, gw } = await stack.start({ signingSecret: `${stack.secret},${next}` });
    const ping = await postNotice(url, signedNotice({ secret: next, type: "gateway.ping", sequence: 0 }));
    expect(ping.status).toBe(200);
    expect((await postNotice(url, signedNotice({ secret: stack.secret, sequence: 1, tokens: [newToken()] }))).status).toBe(204);
    expect(gw.stats()).toMatchObject({ notices_accepted: 2, tombstones: 1 });
  });

  it("answers 400 to a signed body that breaks the contract, and 405 to other methods", async () => {
    const at = new Date();
    const id = "msg_broken";
    const body = JSON.stringify({
      type: "token.revoked",
      timestamp: at.toISOString(),
      data: { sequence: 1, tokens: [{ token_hash: "RAW" }] },
    });
    const headers = {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(stack.secret).sign(id, at, body),
    };
    expect((await postNotice(stack.url, { body, headers })).status).toBe(400);
    expect((await fetch(`${stack.url}/portcullis/revoke`)).status).toBe(405);
  });
});
