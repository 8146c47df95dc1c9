import { setBackendJwt } from "@/lib/apis/set-backend-jwt";
import { setTokenFormat } from "@/lib/apps/set-token-format";
import { db } from "@/lib/data/db/client";
import { serveOAuth } from "@/lib/doors/http/serve-oauth";
import { OAUTH_ROUTES } from "@/lib/doors/oauth/routes";
import { publishedKeys } from "@/lib/engine/keys/key-ring";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, createTestApp, createTestGateway, revokeForTest, TEST_ADMIN } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT, UnsecuredJWT } from "jose";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "./create-gateway";
import type { GatewayInput } from "./options";
import { startEchoUpstream } from "./testing/echo-upstream";
import { newSecret, postNotice, signedNotice, waitFor } from "./testing/harness";

// The reference gateway against the real key manager's endpoints (introspection, feed, metadata, JWKS) over HTTP.
describe("reference gateway: JWT access tokens and JWT to the backend", () => {
  const closers: (() => Promise<unknown>)[] = [];
  let km: string;
  let upstream: Awaited<ReturnType<typeof startEchoUpstream>>;
  beforeAll(async () => {
    const server = http.createServer((req, res) => {
      const route = OAUTH_ROUTES[(req.url ?? "/").split("?")[0]];
      if (!route) return void res.writeHead(404).end();
      void serveOAuth(req, res, route.handle, `http://127.0.0.1${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    km = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
    upstream = await startEchoUpstream();
    closers.push(upstream.close);
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  /** A registered gateway (notices reach it), listening, with `extra` options. */
  async function startGateway(extra: Partial<GatewayInput>, after?: number) {
    const registered = await createTestGateway("http://127.0.0.1:1/placeholder");
    closers.push(async () => {
      await db.delivery.deleteMany({ where: { gatewayId: registered.gateway.id } });
      await db.gateway.delete({ where: { id: registered.gateway.id } });
    });
    const { clientId, clientSecret, signingSecret } = registered;
    const latest = await db.revocationEvent.findFirst({ orderBy: { sequence: "desc" }, select: { sequence: true } });
    const gw: Gateway = createGateway({
      port: 0,
      keyManager: km,
      clientId,
      clientSecret,
      signingSecret,
      quiet: true,
      after: after ?? latest?.sequence ?? 0, // other test files' events are not this gateway's business
      ...extra,
    });
    const { port } = await gw.listen();
    closers.push(() => gw.close());
    const url = `http://127.0.0.1:${port}`;
    await db.gateway.update({ where: { id: registered.gateway.id }, data: { revokeUrl: `${url}/portcullis/revoke` } });

    return { gw, url };
  }

  async function jwtToken() {
    const { user, app, clientId } = await createTestApp();
    await setTokenFormat({ appId: app!.id, tokenFormat: "jwt", actor: TEST_ADMIN });
    const issued = await issueToken({ clientId, subscriber: user.id, tokenFormat: "jwt" });

    return { ...issued, user, app: app!, clientId };
  }

  it("validates JWTs locally, refuses tampered, foreign-signed and unsigned ones, and refuses a revoked one within 1 s of its notice", async () => {
    const { gw, url } = await startGateway({ upstream: upstream.url, localJwt: true });
    const call = (token: string) => fetch(`${url}/hello`, { headers: { authorization: `Bearer ${token}` } });
    const token = await jwtToken();
    expect((await call(token.accessToken)).status).toBe(200);
    expect(gw.stats().introspections).toBe(0); // no key manager round trip

    const payload = decodeJwt(token.accessToken);
    const header = decodeProtectedHeader(token.accessToken);
    const [h, , s] = token.accessToken.split(".");
    const tampered = [h, Buffer.from(JSON.stringify({ ...payload, scope: "admin" })).toString("base64url"), s].join(".");
    const foreign = await new SignJWT(payload)
      .setProtectedHeader({ ...header, alg: "ES256" })
      .sign((await generateKeyPair("ES256")).privateKey);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt", kid: header.kid })).toString("base64url")}.${token.accessToken.split(".")[1]}.x`;
    const unsecured = new UnsecuredJWT(payload).encode();
    for (const bad of [tampered, foreign, unsigned, unsecured]) {
      const res = await call(bad);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("invalid_token");
    }

    const at = Date.now();
    await revokeForTest({ selector: { tokenId: token.tokenId }, cause: "browser" });
    await waitFor(async () => (await call(token.accessToken)).status === 401, 1_000);
    expect(Date.now() - at).toBeLessThan(1_000);
    expect(gw.stats().introspections).toBe(0);
  });

  it("honours a shortened expiry (token.updated) although the JWT's own exp is later", async () => {
    const { gw, url } = await startGateway({ upstream: upstream.url, localJwt: true, signingSecret: newSecret() });
    const secret = gw.options.signingSecret[0];
    const token = await jwtToken();
    const call = () => fetch(`${url}/x`, { headers: { authorization: `Bearer ${token.accessToken}` } });
    expect((await call()).status).toBe(200);
    const expiresAt = new Date(Date.now() + 300).toISOString();
    const notice = signedNotice({
      secret,
      type: "token.updated",
      sequence: gw.stats().last_sequence + 1,
      tokens: [token.accessToken],
      expiresAt,
    });
    expect((await postNotice(url, notice)).ok).toBe(true);
    expect((await call()).status).toBe(200); // not yet
    await waitFor(async () => (await call()).status === 401, 2_000);
  });

  it("refuses a JWT revoked while it was away, from the catch-up feed", async () => {
    const token = await jwtToken();
    const [revoked] = await revokeForTest({ selector: { tokenId: token.tokenId }, cause: "cli" });
    const row = await db.token.findUniqueOrThrow({ where: { id: revoked.id }, select: { revocationSeq: true } });
    const { gw, url } = await startGateway({ upstream: upstream.url, localJwt: true }, row.revocationSeq! - 1);
    await waitFor(() => gw.stats().catchups > 0);
    expect((await fetch(`${url}/x`, { headers: { authorization: `Bearer ${token.accessToken}` } })).status).toBe(401);
  });

  it("forwards the API's backend JWT in the configured header, verifiable against the JWKS, and never a client's own", async () => {
    const { api, gold, ref } = await createTestApi();
    const { user, app, clientId } = await createTestApp();
    await subscribe({ actor: TEST_ADMIN, asAdmin: true, appId: app!.id, apiId: api.id, tier: gold.name });
    const { accessToken } = await issueToken({ clientId, subscriber: user.id });
    const { url } = await startGateway({ apis: [`${ref.context}:v1=${upstream.url}`], jwtHeader: "X-Backend-JWT" });
    const call = async () =>
      (await (
        await fetch(`${url}${ref.context}/v1/forecast`, {
          headers: { authorization: `Bearer ${accessToken}`, "x-backend-jwt": "forged-by-client" },
        })
      ).json()) as { headers: Record<string, string> };

    expect((await call()).headers).not.toHaveProperty("x-backend-jwt"); // off: the client's header is dropped
    const { notices } = await setBackendJwt({ apiId: api.id, backendJwt: "on", actor: TEST_ADMIN });
    const { flushNotices } = await import("@/lib/engine/notices/flush-notices");
    await flushNotices(notices); // subscription.changed: the gateway drops the answer it cached without a JWT
    const forwarded = (await call()).headers["x-backend-jwt"];
    const { payload } = await jwtVerify(forwarded, createLocalJWKSet({ keys: await publishedKeys() }), { audience: `${ref.context}/v1` });
    expect(payload).toMatchObject({ sub: clientId, subscriber: user.id, tier: gold.name, application: { id: app!.id } });
  });
});
