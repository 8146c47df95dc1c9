import { hashToken } from "@/lib/base/hash-token";
import { issuer } from "@/lib/base/issuer";
import { db } from "@/lib/data/db/client";
import {
  approveForTest,
  createPersonApp,
  defineTestScopes,
  formRequest,
  makeUser,
  oauth,
  pkcePair,
  tokenRequest,
} from "@/lib/testing/factories";
import { beforeAll, describe, expect, it } from "vitest";
import { readAuthorizationRequest } from "./authorization-request";

const request = (app: { clientId: string; redirectUri: string }, extra: [string, string][] = [], challenge = pkcePair().challenge) =>
  readAuthorizationRequest([
    ["response_type", "code"],
    ["client_id", app.clientId],
    ["redirect_uri", app.redirectUri],
    ["state", "s1"],
    ["code_challenge", challenge],
    ["code_challenge_method", "S256"],
    ...extra,
  ]);
beforeAll(() => defineTestScopes(["read", "write", "profile"])); // a client may request only the catalog's scopes
const without = (entries: [string, string][], name: string) => entries.filter(([k]) => k !== name);
const redirected = (outcome: Awaited<ReturnType<typeof readAuthorizationRequest>>) => {
  if (!("redirect" in outcome)) throw new Error(`not redirected: ${JSON.stringify(outcome)}`);
  return new URL(outcome.redirect).searchParams;
};

async function codeFor(app: Awaited<ReturnType<typeof createPersonApp>>, scope: string[] = []) {
  const person = await makeUser();
  const { verifier, challenge } = pkcePair();
  const code = await approveForTest({ app, person, scope, challenge });

  return { person, verifier, code };
}

const exchange = (app: Awaited<ReturnType<typeof createPersonApp>>, code: string, verifier: string, redirectUri = app.redirectUri) =>
  tokenRequest(app, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: redirectUri });

describe("GET /oauth2/authorize — the request check (RFC 6749 §4.1.2.1)", () => {
  it("shows an error page, never a redirect, for an unknown client or a redirect URI that is missing or not registered exactly", async () => {
    const app = await createPersonApp();
    expect(await request({ ...app, clientId: "pcl_ci_nobody" })).toHaveProperty("page");
    expect(await request({ ...app, redirectUri: `${app.redirectUri}/` })).toHaveProperty("page");
    expect(await request({ ...app, redirectUri: app.redirectUri.toUpperCase() })).toHaveProperty("page");
    const entries: [string, string][] = [
      ["response_type", "code"],
      ["client_id", app.clientId],
    ];
    expect(await readAuthorizationRequest(entries)).toHaveProperty("page");
    expect(
      await readAuthorizationRequest([...entries, ["redirect_uri", app.redirectUri], ["redirect_uri", app.redirectUri]]),
    ).toHaveProperty("page");
  });

  it("redirects every later error to a verified client with state and iss: implicit refused, PKCE required and S256 only", async () => {
    const app = await createPersonApp({ verified: true });
    const implicit = redirected(
      await readAuthorizationRequest([
        ["response_type", "token"],
        ["client_id", app.clientId],
        ["redirect_uri", app.redirectUri],
        ["state", "st"],
      ]),
    );
    expect(Object.fromEntries(implicit)).toMatchObject({ error: "unsupported_response_type", state: "st", iss: issuer() });
    expect(implicit.get("error_description")).toContain("RFC 9700");

    const base: [string, string][] = [
      ["response_type", "code"],
      ["client_id", app.clientId],
      ["redirect_uri", app.redirectUri],
      ["state", "st"],
    ];
    expect(redirected(await readAuthorizationRequest(base)).get("error")).toBe("invalid_request"); // no code_challenge
    const plain = await readAuthorizationRequest([...base, ["code_challenge", pkcePair().challenge], ["code_challenge_method", "plain"]]);
    expect(redirected(plain).get("error")).toBe("invalid_request");
    const repeated = await request(app, [["state", "again"]]);
    expect(redirected(repeated).get("error")).toBe("invalid_request");
    expect(redirected(await readAuthorizationRequest(without(base, "response_type"))).get("error")).toBe("invalid_request");
  });

  it("refuses a client not allowed the code grant, and scopes outside the application's allowed list", async () => {
    const ccOnly = await createPersonApp({ grantTypes: ["client_credentials"], verified: true });
    expect(redirected(await request(ccOnly)).get("error")).toBe("unauthorized_client");
    const app = await createPersonApp({ verified: true });
    await db.app.update({ where: { id: app.app.id }, data: { allowedScopes: "read" } });
    expect(redirected(await request(app, [["scope", "read write"]])).get("error")).toBe("invalid_scope");
    expect(await request(app, [["scope", "read"]])).toHaveProperty("consent");
  });

  it("shows the consent with the application's name, its owner and the requested scopes", async () => {
    const app = await createPersonApp();
    const outcome = await request(app, [["scope", "profile"]]);
    expect(outcome).toMatchObject({ consent: { appName: app.app.name, ownerEmail: app.owner.email, scopes: [{ name: "profile" }] } });
  });
});

describe("POST /oauth2/token — authorization_code with PKCE", () => {
  it("issues an access and a pcl_rt_ refresh token; the code and tokens are stored only as hashes", async () => {
    const app = await createPersonApp();
    const { code, verifier, person } = await codeFor(app, ["profile"]);
    const stored = await db.authorizationCode.findUniqueOrThrow({ where: { hash: hashToken(code) } });
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(60_000);

    const { status, body } = await exchange(app, code, verifier);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: "Bearer",
      scope: "profile",
      access_token: expect.stringMatching(/^pcl_at_/),
      refresh_token: expect.stringMatching(/^pcl_rt_/),
    });
    const refresh = await db.token.findUniqueOrThrow({ where: { hash: hashToken(String(body.refresh_token)) } });
    expect(refresh).toMatchObject({ type: "refresh_token", userId: person.id, clientId: app.clientId });
    const introspected = await oauth.introspect(
      new Request("http://localhost/oauth2/introspect", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${btoa(`${app.clientId}:${app.clientSecret}`)}`,
        },
        body: new URLSearchParams({ token: String(body.access_token) }),
      }),
    );
    expect(await introspected.json()).toMatchObject({ active: true, sub: person.id, scope: "profile" });
  });

  it("a failed exchange consumes the code: a wrong verifier, another redirect URI, another client or no verifier, and the right request then fails too", async () => {
    const app = await createPersonApp();
    const other = await createPersonApp();
    const failures: [string, (code: string, verifier: string) => ReturnType<typeof exchange>][] = [
      ["a wrong verifier", (code) => exchange(app, code, pkcePair().verifier)],
      ["another redirect URI", (code, verifier) => exchange(app, code, verifier, "https://elsewhere.example/callback")],
      ["another client", (code, verifier) => exchange(other, code, verifier, app.redirectUri)],
      ["no verifier", (code) => tokenRequest(app, { grant_type: "authorization_code", code, redirect_uri: app.redirectUri })],
    ];
    for (const [what, fail] of failures) {
      const { code, verifier } = await codeFor(app);
      expect((await fail(code, verifier)).body.error, what).toBe("invalid_grant");
      expect((await db.authorizationCode.findUniqueOrThrow({ where: { hash: hashToken(code) } })).usedAt, what).not.toBeNull();
      const retried = await exchange(app, code, verifier);
      expect(retried, what).toMatchObject({
        status: 400,
        body: { error: "invalid_grant", error_description: "authorization code was already used" },
      });
    }
    expect(await db.token.count({ where: { clientId: { in: [app.clientId, other.clientId] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { appId: app.app.id, action: "token.reuse_detected" } })).toBe(0); // nothing was issued to revoke
  });

  it("refuses an expired code", async () => {
    const app = await createPersonApp();
    const { code, verifier } = await codeFor(app);
    await db.authorizationCode.update({ where: { hash: hashToken(code) }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await exchange(app, code, verifier)).body).toMatchObject({ error: "invalid_grant" });
  });

  it("a second use fails and revokes what the first use produced, announced to gateways, with an alert for the owner", async () => {
    const app = await createPersonApp();
    const { code, verifier } = await codeFor(app);
    const first = await exchange(app, code, verifier);
    const second = await exchange(app, code, verifier);
    expect(second).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const family = await db.token.findMany({
      where: { hash: { in: [hashToken(String(first.body.access_token)), hashToken(String(first.body.refresh_token))] } },
    });
    expect(family).toHaveLength(2);
    for (const t of family) expect(t).toMatchObject({ revokedReason: "code_reused", revocationSeq: expect.any(Number) });
    const alerts = await db.auditEvent.findMany({ where: { appId: app.app.id, action: "token.reuse_detected" } });
    expect(alerts).toHaveLength(1);
  });

  it("lets a public client redeem with client_id alone, and never use a grant that needs a secret", async () => {
    const app = await createPersonApp({ publicClient: true });
    expect(app.clientSecret).toBeNull();
    const { code, verifier } = await codeFor(app);
    const { status, body } = await exchange(app, code, verifier);
    expect(status).toBe(200);
    expect(body.refresh_token).toMatch(/^pcl_rt_/);
    const cc = await oauth.token(
      new Request("http://localhost/oauth2/token", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `grant_type=client_credentials&client_id=${app.clientId}`,
      }),
    );
    expect((await cc.json()).error).toBe("invalid_client");
  });

  it("lets a public client revoke its own refresh token with client_id alone (RFC 7009 §2.1), ending the family", async () => {
    const app = await createPersonApp({ publicClient: true });
    const { code, verifier } = await codeFor(app);
    const { body } = await exchange(app, code, verifier);
    const res = await oauth.revoke(formRequest("/oauth2/revoke", { token: String(body.refresh_token), client_id: app.clientId }));
    expect(res.status).toBe(200);
    const access = await db.token.findUniqueOrThrow({ where: { hash: hashToken(String(body.access_token)) } });
    expect(access.revokedReason).toBe("revocation_endpoint");
  });

  it("refuses a confidential client that presents no secret", async () => {
    const app = await createPersonApp();
    const { code, verifier } = await codeFor(app);
    const res = await tokenRequest(
      { clientId: app.clientId, clientSecret: null },
      { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: app.redirectUri },
    );
    expect(res).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });
});

describe("metadata", () => {
  it("advertises exactly what is supported", async () => {
    const body = await (await oauth.metadata(new Request("http://localhost/.well-known/oauth-authorization-server"))).json();
    expect(body).toMatchObject({
      authorization_endpoint: `${issuer()}/oauth2/authorize`,
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
      authorization_response_iss_parameter_supported: true,
      grant_types_supported: ["client_credentials", "authorization_code", "refresh_token", "password"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    });
    expect(body.scopes_supported).toEqual(expect.any(Array));
  });
});
