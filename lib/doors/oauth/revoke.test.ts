import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { createTestApp, formRequest, oauth } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { describe, expect, it } from "vitest";

async function appWithToken() {
  const app = await createTestApp();
  const issued = await issueToken({ clientId: app.clientId, subscriber: app.user.id });

  return { ...app, accessToken: issued.accessToken };
}
const stored = (t: string) => db.token.findUniqueOrThrow({ where: { hash: hashToken(t) } });

describe("POST /oauth2/revoke — RFC 7009", () => {
  it("revokes the client's own token and records who did it in the audit trail", async () => {
    const { clientId, clientSecret, accessToken, app } = await appWithToken();
    const res = await oauth.revoke(
      formRequest("/oauth2/revoke", { token: accessToken, token_type_hint: "refresh_token" }, { basic: [clientId, clientSecret] }),
    );
    expect(res.status).toBe(200);
    const row = await stored(accessToken);
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokedReason).toBe("revocation_endpoint");
    const events = await db.auditEvent.findMany({ where: { appId: app!.id, action: "token.revoked" } });
    expect(events).toHaveLength(1);
    expect(events[0].actor).toBe(`client:${clientId}`);
  });

  it("answers 200 and changes nothing for another client's token", async () => {
    const victim = await appWithToken();
    const attacker = await createTestApp();
    const res = await oauth.revoke(
      formRequest("/oauth2/revoke", { token: victim.accessToken }, { basic: [attacker.clientId, attacker.clientSecret] }),
    );
    expect(res.status).toBe(200);
    expect((await stored(victim.accessToken)).revokedAt).toBeNull();
  });

  it("answers 200 for an unknown or already revoked token", async () => {
    const { clientId, clientSecret, accessToken } = await appWithToken();
    const send = (t: string) => oauth.revoke(formRequest("/oauth2/revoke", { token: t }, { basic: [clientId, clientSecret] }));
    expect((await send("pcl_at_unknown")).status).toBe(200);
    expect((await send(accessToken)).status).toBe(200);
    const first = (await stored(accessToken)).revokedAt;
    expect((await send(accessToken)).status).toBe(200);
    expect((await stored(accessToken)).revokedAt).toEqual(first);
  });

  it("needs client authentication and a token parameter", async () => {
    const { clientId, clientSecret, accessToken } = await appWithToken();
    const unauthenticated = await oauth.revoke(formRequest("/oauth2/revoke", { token: accessToken }));
    expect(unauthenticated.status).toBe(401);
    const missing = await oauth.revoke(formRequest("/oauth2/revoke", {}, { basic: [clientId, clientSecret] }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toBe("invalid_request");
    expect((await stored(accessToken)).revokedAt).toBeNull();
  });
});
