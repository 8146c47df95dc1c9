import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { updateSettings } from "@/lib/settings/settings";
import { createTestApp, defineTestScopes, formRequest, oauth, TEST_OPERATOR } from "@/lib/testing/factories";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

const cc = { grant_type: "client_credentials" };
beforeAll(() => defineTestScopes(["read", "write"])); // a client may request only the catalog's scopes

describe("POST /oauth2/token — client_credentials", () => {
  afterEach(() => db.setting.deleteMany({ where: { key: "access_token_ttl" } }));

  it("issues an opaque Bearer token with client_secret_basic and stores only its hash", async () => {
    const { clientId, clientSecret } = await createTestApp();
    const res = await oauth.token(formRequest("/oauth2/token", cc, { basic: [clientId, clientSecret] }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toEqual({ access_token: expect.stringMatching(/^pcl_at_[A-Za-z0-9_-]{43}$/), token_type: "Bearer", expires_in: 3600 });
    const stored = await db.token.findUniqueOrThrow({ where: { hash: hashToken(body.access_token) } });
    expect(stored.clientId).toBe(clientId);
    expect(JSON.stringify(stored)).not.toContain(body.access_token);
  });

  it("accepts client_secret_post and echoes the granted scope", async () => {
    const { clientId, clientSecret } = await createTestApp();
    const res = await oauth.token(
      formRequest("/oauth2/token", { ...cc, client_id: clientId, client_secret: clientSecret, scope: "read write read" }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).scope).toBe("read write");
  });

  it("uses the lifetime from the settings store, from the next request on", async () => {
    const { clientId, clientSecret } = await createTestApp();
    await updateSettings({ change: { access_token_ttl: "600" }, actor: TEST_OPERATOR });
    const res = await oauth.token(formRequest("/oauth2/token", cc, { basic: [clientId, clientSecret] }));
    expect((await res.json()).expires_in).toBe(600);
  });

  it.each([
    ["a wrong secret over Basic", (id: string) => formRequest("/oauth2/token", cc, { basic: [id, "pcl_cs_wrong"] }), true],
    ["a wrong secret in the body", (id: string) => formRequest("/oauth2/token", { ...cc, client_id: id, client_secret: "x" }), false],
    ["no authentication", () => formRequest("/oauth2/token", cc), false],
    ["a malformed Basic header", () => formRequest("/oauth2/token", cc, { headers: { authorization: "Basic %%%" } }), true],
    ["Basic without a colon", () => formRequest("/oauth2/token", cc, { headers: { authorization: `Basic ${btoa("abc")}` } }), true],
    ["an unknown client", () => formRequest("/oauth2/token", cc, { basic: ["pcl_ci_nobody", "secret"] }), true],
  ])("answers invalid_client (401) for %s", async (_, request, challenged) => {
    const { clientId } = await createTestApp();
    const res = await oauth.token(request(clientId));
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("invalid_client");
    expect(res.headers.has("www-authenticate")).toBe(challenged);
  });

  it("refuses gateway clients: they only introspect", async () => {
    const { clientId, clientSecret } = await createTestApp({ kind: "gateway" });
    const res = await oauth.token(formRequest("/oauth2/token", cc, { basic: [clientId, clientSecret] }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("unauthorized_client");
  });
});

describe("POST /oauth2/token — bad input gets RFC 6749 §5.2 JSON, never a 5xx", () => {
  const cases: [string, (id: string, secret: string) => Request, number, string][] = [
    [
      "both auth methods at once",
      (id, s) => formRequest("/oauth2/token", { ...cc, client_secret: s }, { basic: [id, s] }),
      400,
      "invalid_request",
    ],
    [
      "a JSON body",
      (id, s) =>
        formRequest(
          "/oauth2/token",
          {},
          { basic: [id, s], headers: { "content-type": "application/json" }, body: '{"grant_type":"client_credentials"}' },
        ),
      400,
      "invalid_request",
    ],
    [
      "a duplicated parameter",
      (id, s) => formRequest("/oauth2/token", {}, { basic: [id, s], body: "grant_type=client_credentials&grant_type=client_credentials" }),
      400,
      "invalid_request",
    ],
    ["a missing grant_type", (id, s) => formRequest("/oauth2/token", {}, { basic: [id, s] }), 400, "invalid_request"],
    [
      "an unknown grant_type",
      (id, s) => formRequest("/oauth2/token", { grant_type: "urn:example:unknown" }, { basic: [id, s] }),
      400,
      "unsupported_grant_type",
    ],
    [
      "non-UTF-8 percent-encoding",
      (id, s) => formRequest("/oauth2/token", {}, { basic: [id, s], body: "grant_type=client_credentials&scope=%FF%FE" }),
      400,
      "invalid_request",
    ],
    [
      "an over-long value",
      (id, s) => formRequest("/oauth2/token", { ...cc, scope: "a".repeat(5000) }, { basic: [id, s] }),
      400,
      "invalid_request",
    ],
    [
      "a body over 64 KiB",
      (id, s) => formRequest("/oauth2/token", { ...cc, pad: "x".repeat(70_000) }, { basic: [id, s] }),
      413,
      "invalid_request",
    ],
    [
      "a scope with a forbidden character",
      (id, s) => formRequest("/oauth2/token", { ...cc, scope: 'read "all"' }, { basic: [id, s] }),
      400,
      "invalid_scope",
    ],
  ];

  it.each(cases)("%s", async (_, request, status, error) => {
    const { clientId, clientSecret } = await createTestApp();
    const res = await oauth.token(request(clientId, clientSecret));
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error).toBe(error);
    expect(typeof body.error_description).toBe("string");
  });
});
