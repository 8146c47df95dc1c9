import { expect, test } from "@playwright/test";
import * as oauth from "oauth4webapi";
import { BASE_URL } from "../../playwright.config";
import { cli, defineScope, registerClient } from "./cli";

// A real RFC-conformant client library against the running server: passing means interoperable.
const insecure = { [oauth.allowInsecureRequests]: true }; // local http server

// A client may request only the catalog's scopes (README, "Scopes").
test.beforeAll(() => defineScope("orders:read", "Read orders"));

async function discover() {
  const issuer = new URL(BASE_URL);
  const res = await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure });

  return oauth.processDiscoveryResponse(issuer, res);
}

test("GET /.well-known/oauth-authorization-server — RFC 8414 metadata at the real URL", async () => {
  const as = await discover();
  expect(as.issuer).toBe(BASE_URL);
  expect(as.token_endpoint).toBe(`${BASE_URL}/oauth2/token`);
  expect(as.revocation_endpoint).toBe(`${BASE_URL}/oauth2/revoke`);
  expect(as.introspection_endpoint).toBe(`${BASE_URL}/oauth2/introspect`);
  expect(as.grant_types_supported).toContain("client_credentials");
});

test("GET /oauth2/jwks — the signing keys at the metadata's jwks_uri, public halves only", async () => {
  const as = await discover();
  expect(as.jwks_uri).toBe(`${BASE_URL}/oauth2/jwks`);
  const res = await fetch(as.jwks_uri!);
  expect(res.status).toBe(200);
  const { keys } = (await res.json()) as { keys: Record<string, string>[] };
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    expect(key).toMatchObject({ kid: expect.any(String), use: "sig", alg: expect.stringMatching(/^(ES256|RS256)$/) });
    expect(key).not.toHaveProperty("d");
  }
});

for (const [method, auth] of [
  ["client_secret_basic", oauth.ClientSecretBasic],
  ["client_secret_post", oauth.ClientSecretPost],
] as const) {
  test(`client_credentials → introspection → revocation with ${method}`, async () => {
    const as = await discover();
    const { clientId, clientSecret } = registerClient();
    const client = { client_id: clientId };
    const clientAuth = auth(clientSecret);

    const tokenRes = await oauth.clientCredentialsGrantRequest(as, client, clientAuth, { scope: "orders:read" }, insecure);
    const issued = await oauth.processClientCredentialsResponse(as, client, tokenRes);
    expect(issued.token_type).toBe("bearer"); // oauth4webapi lower-cases it
    expect(issued.expires_in).toBeGreaterThan(0);
    expect(issued.scope).toBe("orders:read");

    const active = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, clientAuth, issued.access_token, insecure),
    );
    expect(active).toMatchObject({ active: true, client_id: clientId, scope: "orders:read" });

    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, clientAuth, issued.access_token, insecure));
    const inactive = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, clientAuth, issued.access_token, insecure),
    );
    expect(inactive).toEqual({ active: false });
  });
}

test("POST /oauth2/revoke — unknown token still answers 200", async () => {
  const as = await discover();
  const { clientId, clientSecret } = registerClient();
  const res = await oauth.revocationRequest(as, { client_id: clientId }, oauth.ClientSecretBasic(clientSecret), "pcl_at_unknown", insecure);
  await expect(oauth.processRevocationResponse(res)).resolves.toBeUndefined();
});

test("a wrong secret is refused with invalid_client", async () => {
  const as = await discover();
  const { clientId } = registerClient();
  const res = await oauth.clientCredentialsGrantRequest(as, { client_id: clientId }, oauth.ClientSecretBasic("pcl_cs_wrong"), {}, insecure);
  // A 401 with WWW-Authenticate surfaces as the challenge (RFC 6749 §5.2: Basic was used).
  await expect(oauth.processClientCredentialsResponse(as, { client_id: clientId }, res)).rejects.toMatchObject({
    status: 401,
    cause: [expect.objectContaining({ scheme: "basic", parameters: expect.objectContaining({ error: "invalid_client" }) })],
  });
});

test("bad input over HTTP gets §5.2 JSON, never a 5xx, and the server keeps serving", async ({ request }) => {
  const { clientId, clientSecret } = registerClient();
  const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
  const form = { "content-type": "application/x-www-form-urlencoded", authorization: basic };
  const cases = [
    {
      headers: { ...form, "content-type": "application/json" },
      data: '{"grant_type":"client_credentials"}',
      status: 400,
      error: "invalid_request",
    },
    { headers: form, data: "grant_type=client_credentials&grant_type=client_credentials", status: 400, error: "invalid_request" },
    { headers: form, data: "grant_type=urn%3Aunknown", status: 400, error: "unsupported_grant_type" },
    { headers: form, data: "grant_type=client_credentials&scope=%C3%28", status: 400, error: "invalid_request" },
    { headers: form, data: "grant_type=client_credentials&scope=admin%20root%20*", status: 400, error: "invalid_scope" }, // not in the catalog
    { headers: { ...form, authorization: "Basic !!!" }, data: "grant_type=client_credentials", status: 401, error: "invalid_client" },
    { headers: form, data: `grant_type=client_credentials&pad=${"x".repeat(200_000)}`, status: 413, error: "invalid_request" },
  ];
  for (const c of cases) {
    const res = await request.post("/oauth2/token", { headers: c.headers, data: c.data });
    expect(res.status(), c.data.slice(0, 60)).toBe(c.status);
    expect((await res.json()).error).toBe(c.error);
  }
  const ok = await request.post("/oauth2/token", { headers: form, data: "grant_type=client_credentials" });
  expect(ok.status()).toBe(200);
});

test("password grant (legacy): refused until an operator enables it, then tokens and a rotating refresh token", async () => {
  const as = await discover();
  expect(as.grant_types_supported).toEqual(["client_credentials", "authorization_code", "refresh_token", "password"]);
  expect(as.code_challenge_methods_supported).toEqual(["S256"]);
  const { clientId, clientSecret, email, password } = registerClient();
  const client = { client_id: clientId };
  const auth = oauth.ClientSecretBasic(clientSecret);
  const grant = () => oauth.genericTokenEndpointRequest(as, client, auth, "password", { username: email, password }, insecure);

  await expect(oauth.processGenericTokenEndpointResponse(as, client, await grant())).rejects.toMatchObject({
    error: "unauthorized_client",
  });
  cli("apps", "update", "--client-id", clientId, "--grant-types", "password,refresh_token");
  const issued = await oauth.processGenericTokenEndpointResponse(as, client, await grant());
  expect(issued.refresh_token).toMatch(/^pcl_rt_/);
  const rotated = await oauth.processRefreshTokenResponse(
    as,
    client,
    await oauth.refreshTokenGrantRequest(as, client, auth, issued.refresh_token!, insecure),
  );
  expect(rotated.refresh_token).not.toBe(issued.refresh_token);
});
