import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { db } from "@/lib/data/db/client";
import { newClientSecret } from "@/lib/engine/credentials/new-client-secret";
import { createPersonApp, createTestApp } from "@/lib/testing/factories";
import { startFront } from "@/lib/testing/http/raw-http";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 26, L2: a public client was given a secret (Regenerate secret), which then let it introspect.
// Real HTTP against the node:http front, as a client reaches the key manager.
let front: Awaited<ReturnType<typeof startFront>>;
beforeAll(async () => {
  front = await startFront();
});
afterAll(() => front.close());

type Auth = { basic: [string, string] } | { form: Record<string, string> };
async function post(path: string, params: Record<string, string>, auth: Auth) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if ("basic" in auth) headers.authorization = `Basic ${Buffer.from(auth.basic.map(encodeURIComponent).join(":")).toString("base64")}`;
  const body = new URLSearchParams({ ...params, ...("form" in auth ? auth.form : {}) }).toString();
  const res = await fetch(`http://127.0.0.1:${front.port}${path}`, { method: "POST", headers, body });

  return { status: res.status, body: await res.json() };
}

/** A public client holding a secret, as Regenerate secret gave one before it refused to. */
async function publicClientWithSecret() {
  const app = await createPersonApp({ publicClient: true });
  const { secret, secretHash, last4 } = newClientSecret();
  await db.clientSecret.create({ data: { clientId: app.clientId, secretHash, last4 } });
  const { accessToken } = await issueToken({ clientId: app.clientId, subscriber: app.owner.id });

  return { ...app, secret, accessToken };
}

describe("a public client and secrets", () => {
  it("is never given one: Regenerate secret is refused, and nothing is stored", async () => {
    const { owner, app, clientId } = await createPersonApp({ publicClient: true });

    await expect(rotateClientSecret({ appId: app.id, actor: owner, overlap: "none" })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/^A public client has no secret/),
    });
    expect(await db.clientSecret.count({ where: { clientId } })).toBe(0);
  });

  it("cannot introspect over HTTP with one, by Basic or in the form, nor by client_id alone: 401 invalid_client", async () => {
    const { clientId, secret, accessToken } = await publicClientWithSecret();
    const token = { token: accessToken };

    for (const auth of [
      { basic: [clientId, secret] },
      { form: { client_id: clientId, client_secret: secret } },
      { form: { client_id: clientId } },
    ] as Auth[]) {
      const res = await post("/oauth2/introspect", token, auth);
      expect(res, JSON.stringify(auth)).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    }
    // Nor does the secret make it a confidential client at the token endpoint.
    expect(await post("/oauth2/token", { grant_type: "client_credentials" }, { basic: [clientId, secret] })).toMatchObject({
      status: 401,
      body: { error: "invalid_client" },
    });
  });

  it("a confidential client still introspects its own token over the same front", async () => {
    const { clientId, clientSecret, user } = await createTestApp();
    const { accessToken } = await issueToken({ clientId, subscriber: user.id });

    expect(await post("/oauth2/introspect", { token: accessToken }, { basic: [clientId, clientSecret] })).toMatchObject({
      status: 200,
      body: { active: true, client_id: clientId },
    });
  });
});
