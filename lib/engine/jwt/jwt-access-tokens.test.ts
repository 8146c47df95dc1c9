import { setTokenFormat } from "@/lib/apps/set-token-format";
import { hashToken } from "@/lib/base/hash-token";
import { issuer } from "@/lib/base/issuer";
import { db } from "@/lib/data/db/client";
import { personActor } from "@/lib/engine/identity/actor.shared";
import { publishedKeys } from "@/lib/engine/keys/key-ring";
import { readFeed } from "@/lib/engine/notices/read-feed";
import {
  approveForTest,
  createPersonApp,
  createTestApp,
  formRequest,
  makeUser,
  oauth,
  pkcePair,
  TEST_ADMIN,
  tokenRequest,
} from "@/lib/testing/factories";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { createLocalJWKSet, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { accessTokenAudience } from "./access-token-jwt";

type Creds = { clientId: string; clientSecret: string };
const introspect = async (caller: Creds, token: string) =>
  (await oauth.introspect(formRequest("/oauth2/introspect", { token }, { basic: [caller.clientId, caller.clientSecret] }))).json();
const verify = async (jwt: string) =>
  jwtVerify(jwt, createLocalJWKSet({ keys: await publishedKeys() }), {
    issuer: issuer(),
    audience: accessTokenAudience(),
    typ: "at+jwt",
    algorithms: ["ES256", "RS256"],
  });

/** An application whose owner chose JWT access tokens. */
async function jwtApp() {
  const app = await createTestApp();
  const owner = personActor({ id: app.user.id, email: app.user.email, role: "subscriber" });
  await setTokenFormat({ appId: app.app!.id, tokenFormat: "jwt", actor: owner });

  return { ...app, owner };
}

describe("JWT access tokens (RFC 9068)", () => {
  it("issues an at+jwt from client_credentials with the RFC 9068 claims, verifiable against the JWKS, stored only as its hash", async () => {
    const app = await jwtApp();
    const { status, body } = await tokenRequest(app, { grant_type: "client_credentials" });
    expect(status).toBe(200);
    const jwt = String(body.access_token);
    expect(jwt).not.toContain("pcl_");
    expect(decodeProtectedHeader(jwt)).toMatchObject({ typ: "at+jwt", kid: expect.any(String) });
    const { payload } = await verify(jwt);
    expect(payload).toMatchObject({ iss: issuer(), sub: app.clientId, aud: accessTokenAudience(), client_id: app.clientId, scope: "" });
    expect(payload.exp! - payload.iat!).toBe(Number(body.expires_in));
    const row = await db.token.findUniqueOrThrow({ where: { hash: hashToken(jwt) } });
    expect(row).toMatchObject({ id: payload.jti, prefix: "eyJ", last4: jwt.slice(-4) });
    expect(await introspect(app, jwt)).toMatchObject({ active: true, client_id: app.clientId, sub: app.clientId });
  });

  it("carries the person as sub for the code grant; the refresh token stays opaque and its rotation issues a JWT again", async () => {
    const app = await createPersonApp({ grantTypes: ["authorization_code", "refresh_token"] });
    await setTokenFormat({ appId: app.app.id, tokenFormat: "jwt", actor: personActor({ ...app.owner, role: "subscriber" }) });
    const person = await makeUser();
    const { verifier, challenge } = pkcePair();
    const code = await approveForTest({ app, person, challenge });
    const { body } = await tokenRequest(app, {
      grant_type: "authorization_code",
      code,
      redirect_uri: app.redirectUri,
      code_verifier: verifier,
    });
    expect((await verify(String(body.access_token))).payload).toMatchObject({ sub: person.id, client_id: app.clientId });
    expect(String(body.refresh_token)).toMatch(/^pcl_rt_/);
    const refreshed = await tokenRequest(app, { grant_type: "refresh_token", refresh_token: String(body.refresh_token) });
    expect((await verify(String(refreshed.body.access_token))).payload.sub).toBe(person.id);
  });

  it("is revoked like an opaque token: inactive at introspection, announced and in the feed by the SHA-256 of the exact JWT", async () => {
    const app = await jwtApp();
    const jwt = String((await tokenRequest(app, { grant_type: "client_credentials" })).body.access_token);
    const res = await oauth.revoke(formRequest("/oauth2/revoke", { token: jwt }, { basic: [app.clientId, app.clientSecret] }));
    expect(res.status).toBe(200);
    expect(await introspect(app, jwt)).toStrictEqual({ active: false });
    const row = await db.token.findUniqueOrThrow({ where: { hash: hashToken(jwt) }, select: { revocationSeq: true } });
    const feed = await readFeed({ after: row.revocationSeq! - 1, limit: 1 });
    expect(feed.events[0]).toMatchObject({ tokens: [expect.objectContaining({ token_hash: hashToken(jwt), client_id: app.clientId })] });
  });

  it("answers exactly { active: false } for a tampered, a foreign-signed and an alg none JWT", async () => {
    const app = await jwtApp();
    const jwt = String((await tokenRequest(app, { grant_type: "client_credentials" })).body.access_token);
    const { payload, protectedHeader } = await verify(jwt);
    const [h, p, s] = jwt.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const tampered = [h, Buffer.from(JSON.stringify({ ...claims, scope: "admin" })).toString("base64url"), s].join(".");
    const foreignKey = await generateKeyPair("ES256");
    const foreign = await new SignJWT(payload).setProtectedHeader(protectedHeader).sign(foreignKey.privateKey); // same kid, other key
    const unsecured = new UnsecuredJWT(payload).encode();
    for (const bad of [tampered, foreign, unsecured]) {
      expect(await introspect(app, bad)).toStrictEqual({ active: false });
      await expect(verify(bad)).rejects.toThrow();
    }
  });

  it("comes from the browser's Generate too, and keeps opaque tokens for applications that did not choose JWT", async () => {
    const app = await jwtApp();
    const generated = await generateAppToken({ appId: app.app!.id, actor: app.owner });
    expect((await verify(generated.accessToken)).payload.jti).toBe(generated.tokenId);
    const opaque = await createTestApp();
    expect(String((await tokenRequest(opaque, { grant_type: "client_credentials" })).body.access_token)).toMatch(/^pcl_at_/);
  });

  it("lets the owner and an admin choose the format, audited; another subscriber cannot", async () => {
    const app = await createTestApp();
    const stranger = await makeUser();
    await expect(setTokenFormat({ appId: app.app!.id, tokenFormat: "jwt", actor: stranger })).rejects.toMatchObject({ code: "not_found" });
    await expect(setTokenFormat({ appId: app.app!.id, tokenFormat: "paseto" as "jwt", actor: TEST_ADMIN })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["tokenFormat"], message: "Choose opaque or jwt." })],
    });
    expect((await setTokenFormat({ appId: app.app!.id, tokenFormat: "jwt", actor: TEST_ADMIN })).tokenFormat).toBe("jwt");
    const event = await db.auditEvent.findFirstOrThrow({ where: { appId: app.app!.id, action: "app.token_format_changed" } });
    expect(event).toMatchObject({ actor: TEST_ADMIN.email });
    expect(JSON.parse(event.detail)).toEqual({ from: "opaque", to: "jwt" });
  });
});
