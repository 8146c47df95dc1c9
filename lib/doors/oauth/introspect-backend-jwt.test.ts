import { setBackendJwt } from "@/lib/apis/set-backend-jwt";
import { db } from "@/lib/data/db/client";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, createTestApp, createTestGateway, TEST_ADMIN } from "@/lib/testing/factories";
import { startFront } from "@/lib/testing/http/raw-http";
import { issueToken } from "@/lib/tokens/issue-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 26 L3: a backend JWT is what a gateway forwards to the API's backend; the application's own
// client, introspecting its token per API, learns the validation info but is never handed one.
let front: Awaited<ReturnType<typeof startFront>>;
let gateway: Awaited<ReturnType<typeof createTestGateway>>;
beforeAll(async () => {
  front = await startFront();
  gateway = await createTestGateway("http://127.0.0.1:9/unused"); // notices are not this file's subject
});
afterAll(async () => {
  await front.close();
  await db.delivery.deleteMany({ where: { gatewayId: gateway.gateway.id } });
  await db.gateway.delete({ where: { id: gateway.gateway.id } });
});

async function introspect([id, secret]: [string, string], params: Record<string, string>) {
  const res = await fetch(`http://127.0.0.1:${front.port}/oauth2/introspect`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);

  return (await res.json()) as Record<string, unknown>;
}

describe("POST /oauth2/introspect per API, with the API's backend JWT on", () => {
  it("hands a backend_jwt to a gateway only, not to the application's own client", async () => {
    const { api, gold, ref } = await createTestApi();
    const { user, app, clientId, clientSecret } = await createTestApp();
    await subscribe({
      actor: personActor({ id: user.id, email: user.email, role: "subscriber" }),
      appId: app!.id,
      apiId: api.id,
      tier: gold.name,
    });
    await setBackendJwt({ apiId: api.id, backendJwt: "on", actor: TEST_ADMIN });
    const { accessToken } = await issueToken({ clientId, subscriber: user.id, scope: [] });
    const params = { token: accessToken, api_context: ref.context, api_version: ref.version };

    // The application first, then the gateway, then the application again: a cached answer must not leak it either.
    const own = await introspect([clientId, clientSecret], params);
    expect(own).toMatchObject({ active: true, client_id: clientId, api: { context: ref.context }, tier: { name: gold.name } });
    expect(own).not.toHaveProperty("backend_jwt");
    expect(await introspect([gateway.clientId, gateway.clientSecret], params)).toMatchObject({
      active: true,
      backend_jwt: expect.any(String),
    });
    expect(await introspect([clientId, clientSecret], params)).not.toHaveProperty("backend_jwt");
  });
});
