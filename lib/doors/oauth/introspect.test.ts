import { createTestApp, formRequest, oauth, revokeForTest } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";

const ask = async (creds: { clientId: string; clientSecret: string }, token: string) => {
  const res = await oauth.introspect(formRequest("/oauth2/introspect", { token }, { basic: [creds.clientId, creds.clientSecret] }));
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");

  return res.json();
};

describe("POST /oauth2/introspect — RFC 7662", () => {
  it("describes a valid token to its own client", async () => {
    const app = await createTestApp();
    const issued = await issueToken({ clientId: app.clientId, subscriber: app.user.id, scope: ["read"] });
    const now = Math.floor(Date.now() / 1000);
    expect(await ask(app, issued.accessToken)).toEqual({
      active: true,
      client_id: app.clientId,
      token_type: "Bearer",
      scope: "read",
      exp: expect.any(Number),
      iat: expect.any(Number),
      sub: app.clientId,
      subscriber: app.user.id,
      iss: expect.any(String),
    });
    const body = await ask(app, issued.accessToken);
    expect(body.exp - body.iat).toBe(3600);
    expect(Math.abs(body.iat - now)).toBeLessThan(5);
  });

  it("answers exactly { active: false } for revoked, expired, unknown and other clients' tokens", async () => {
    const app = await createTestApp();
    const other = await createTestApp();
    const revoked = await issueToken({ clientId: app.clientId, subscriber: null });
    await revokeForTest({ selector: { tokenId: revoked.tokenId }, cause: "cli" });
    const expired = await issueToken({ clientId: app.clientId, subscriber: null, now: Date.now() - 7200_000 });
    const foreign = await issueToken({ clientId: other.clientId, subscriber: null });
    for (const t of [revoked.accessToken, expired.accessToken, "pcl_at_unknown", foreign.accessToken]) {
      expect(await ask(app, t)).toStrictEqual({ active: false });
    }
  });

  it("lets a gateway client introspect any application's token", async () => {
    const app = await createTestApp();
    const gateway = await createTestApp({ kind: "gateway" });
    const issued = await issueToken({ clientId: app.clientId, subscriber: null });
    expect(await ask(gateway, issued.accessToken)).toMatchObject({ active: true, client_id: app.clientId });
  });

  it("refuses an unauthenticated caller with invalid_client", async () => {
    const res = await oauth.introspect(formRequest("/oauth2/introspect", { token: "x" }));
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("invalid_client");
  });
});
