import { setBackendJwt } from "@/lib/apis/set-backend-jwt";
import { issuer } from "@/lib/base/issuer";
import { db } from "@/lib/data/db/client";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { publishedKeys } from "@/lib/engine/keys/key-ring";
import { updateSettings } from "@/lib/settings/settings";
import { subscribe } from "@/lib/subscriptions/subscribe";
import {
  createTestApi,
  createTestApp,
  createTestGateway,
  formRequest,
  makeUser,
  oauth,
  TEST_ADMIN,
  TEST_OPERATOR,
} from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { createLocalJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKEND_JWT_TTL_SECONDS, backendAudience } from "./backend-jwt";

describe("JWT to the backend", () => {
  let gateway: Awaited<ReturnType<typeof createTestGateway>>;
  beforeAll(async () => {
    gateway = await createTestGateway("http://127.0.0.1:9/unused"); // notices are not this file's subject
  });
  afterAll(async () => {
    await db.delivery.deleteMany({ where: { gatewayId: gateway.gateway.id } });
    await db.gateway.delete({ where: { id: gateway.gateway.id } });
  });
  const introspect = async (token: string, api: { context: string; version: string }) =>
    (
      await oauth.introspect(
        formRequest(
          "/oauth2/introspect",
          { token, api_context: api.context, api_version: api.version },
          { basic: [gateway.clientId, gateway.clientSecret] },
        ),
      )
    ).json();

  /** A subscribed application and a token of it for a fresh API version. */
  async function subscribed({ ttlSeconds }: { ttlSeconds?: number } = {}) {
    const { api, gold, ref } = await createTestApi();
    const { user, app, clientId } = await createTestApp();
    await subscribe({
      actor: personActor({ id: user.id, email: user.email, role: "subscriber" }),
      appId: app!.id,
      apiId: api.id,
      tier: gold.name,
    });
    const token = await issueToken({ clientId, subscriber: user.id, scope: [], ttlSeconds });

    return { api, gold, ref, user, app: app!, clientId, token };
  }

  it("adds a backend_jwt signed by the key manager with the issue's claims when the API turns it on", async () => {
    const { api, gold, ref, user, app, clientId, token } = await subscribed();
    expect(await introspect(token.accessToken, ref)).not.toHaveProperty("backend_jwt");
    await setBackendJwt({ apiId: api.id, backendJwt: "on", actor: TEST_ADMIN });
    const answer = await introspect(token.accessToken, ref);
    expect(answer).toMatchObject({ active: true, backend_jwt: expect.any(String) });
    const { payload, protectedHeader } = await jwtVerify(answer.backend_jwt, createLocalJWKSet({ keys: await publishedKeys() }), {
      issuer: issuer(),
      audience: backendAudience(ref),
      algorithms: ["ES256", "RS256"],
    });
    expect(protectedHeader.typ).toBe("JWT");
    expect(payload).toMatchObject({
      sub: clientId,
      aud: `${ref.context}/v1`,
      client_id: clientId,
      application: { id: app.id, name: app.name },
      subscriber: user.id,
      tier: gold.name,
      scope: "",
      jti: expect.any(String),
    });
    expect(payload.exp! - payload.iat!).toBe(BACKEND_JWT_TTL_SECONDS);
    const again = await introspect(token.accessToken, ref);
    expect(again.backend_jwt).not.toBe(answer.backend_jwt); // made per call: its own jti
  });

  it("never lets the backend JWT outlive the access token", async () => {
    const { api, ref, token } = await subscribed({ ttlSeconds: 60 });
    await setBackendJwt({ apiId: api.id, backendJwt: "on", actor: TEST_ADMIN });
    const { backend_jwt } = await introspect(token.accessToken, ref);
    const claims = JSON.parse(Buffer.from(backend_jwt.split(".")[1], "base64url").toString());
    expect(claims.exp).toBe(Math.floor(token.expiresAt.getTime() / 1000));
  });

  it("follows the global default unless the API chose, and tells gateways when an API's choice changes", async () => {
    const { api, ref, token, clientId } = await subscribed();
    const admin = TEST_OPERATOR;
    try {
      await updateSettings({ change: { backend_jwt: "true" }, actor: admin });
      expect(await introspect(token.accessToken, ref)).toHaveProperty("backend_jwt");
      const { notices } = await setBackendJwt({ apiId: api.id, backendJwt: "off", actor: TEST_ADMIN });
      expect(notices.sequences).toHaveLength(1);
      const event = await db.revocationEvent.findUniqueOrThrow({ where: { sequence: notices.sequences[0] } });
      expect(event).toMatchObject({ type: "subscription.changed", clientId, apiContext: ref.context, apiVersion: "v1" });
      expect(await introspect(token.accessToken, ref)).not.toHaveProperty("backend_jwt");
      await setBackendJwt({ apiId: api.id, backendJwt: "default", actor: TEST_ADMIN });
      expect(await introspect(token.accessToken, ref)).toHaveProperty("backend_jwt");
    } finally {
      await updateSettings({ change: { backend_jwt: "false" }, actor: admin });
    }
  });

  it("tells gateways in the same transaction when the global default changes, for the APIs that follow it", async () => {
    const [following, chosen] = [await subscribed(), await subscribed()];
    await setBackendJwt({ apiId: chosen.api.id, backendJwt: "on", actor: TEST_ADMIN });
    const admin = TEST_OPERATOR;
    try {
      const { notices } = await updateSettings({ change: { backend_jwt: "true" }, actor: admin });
      const events = await db.revocationEvent.findMany({ where: { sequence: { in: notices.sequences } } });
      expect(events).toContainEqual(
        expect.objectContaining({
          type: "subscription.changed",
          clientId: following.clientId,
          apiContext: following.ref.context,
          apiVersion: "v1",
        }),
      );
      expect(events.map((e) => e.clientId)).not.toContain(chosen.clientId); // its own choice did not change
      const owed = await db.delivery.count({ where: { gatewayId: gateway.gateway.id, eventSequence: { in: notices.sequences } } });
      expect(owed).toBe(notices.sequences.length);
      expect((await updateSettings({ change: { backend_jwt: "true" }, actor: admin })).notices.sequences).toEqual([]); // no change, no notice
    } finally {
      await updateSettings({ change: { backend_jwt: "false" }, actor: admin });
    }
  });

  it("is an admin's choice, audited", async () => {
    const { api } = await createTestApi();
    await expect(setBackendJwt({ apiId: api.id, backendJwt: "on", actor: await makeUser() })).rejects.toMatchObject({ code: "forbidden" });
    await setBackendJwt({ apiId: api.id, backendJwt: "on", actor: TEST_ADMIN });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "api.backend_jwt_changed", detail: { contains: api.id } } });
    expect(JSON.parse(event.detail)).toMatchObject({ from: "default", to: "on" });
  });
});
