import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { buildTokens } from "@/lib/engine/tokens/build-token";
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

  it("revokes the rest of the token's grant, in a burst where another client's tokens change nothing", async () => {
    const owner = await appWithToken();
    const first = await stored(owner.accessToken);
    const sibling = (await buildTokens({ client: { id: owner.clientId, ownerId: null } })).access.row;
    await store().insertToken({ ...sibling, grantId: first.grantId }); // e.g. the refresh token issued with it
    const victim = await appWithToken();
    const send = (token: string) => oauth.revoke(formRequest("/oauth2/revoke", { token }, { basic: [owner.clientId, owner.clientSecret] }));
    // One turn of the event loop: on PostgreSQL these share one statement.
    const answers = await Promise.all([
      send(owner.accessToken),
      send(victim.accessToken),
      send(victim.accessToken),
      send("pcl_at_unknown"),
    ]);

    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await db.token.findUniqueOrThrow({ where: { id: sibling.id } })).revokedReason).toBe("revocation_endpoint");
    expect((await stored(victim.accessToken)).revokedAt).toBeNull();
    const audited = await db.auditEvent.findMany({ where: { appId: owner.app!.id, action: "token.revoked" } });
    expect(audited.map((e) => JSON.parse(e.detail).tokenIds.sort())).toEqual([[first.id, sibling.id].sort()]);
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
