import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { approveForTest, createPersonApp, makeUser, pkcePair, TEST_OPERATOR, tokenRequest } from "@/lib/testing/factories";
import { reapproveToken } from "@/lib/tokens/reapprove-token";
import { revokeByOperator } from "@/lib/tokens/revoke-by-operator";
import { describe, expect, it } from "vitest";
import { listUserGrants } from "./list-user-grants";
import { revokeUserGrant } from "./revoke-user-grant";

type App = Awaited<ReturnType<typeof createPersonApp>>;

async function signedIn(app: App, person?: Awaited<ReturnType<typeof makeUser>>) {
  const who = person ?? (await makeUser());
  const { verifier, challenge } = pkcePair();
  const code = await approveForTest({ app, person: who, challenge });
  const { body } = await tokenRequest(app, {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: app.redirectUri,
  });

  return { person: who, access: String(body.access_token), refresh: String(body.refresh_token) };
}
const row = (token: string) => db.token.findUniqueOrThrow({ where: { hash: hashToken(token) } });
const admin = () => makeUser("admin");

describe("Authorized applications", () => {
  it("lists the person's grants and revokes one: every token of it, the consent forgotten, gateways told", async () => {
    const app = await createPersonApp();
    const person = await makeUser();
    const a = await signedIn(app, person);
    const b = await signedIn(app, person); // a second device: another family of the same grant
    const grants = await listUserGrants({ actor: person });
    expect(grants).toEqual([expect.objectContaining({ clientId: app.clientId, appName: app.app.name, activeTokens: 4 })]);

    const { changed } = await revokeUserGrant({ clientId: app.clientId, actor: person });
    expect(changed).toHaveLength(4);
    for (const t of [a.access, a.refresh, b.access, b.refresh])
      expect(await row(t)).toMatchObject({ revokedReason: "grant_revoked", revocationSeq: expect.any(Number) });
    expect(await listUserGrants({ actor: person })).toEqual([]);
  });

  it("never touches another person's grant or tokens", async () => {
    const app = await createPersonApp();
    const mine = await signedIn(app);
    const stranger = await makeUser();
    await expect(revokeUserGrant({ clientId: app.clientId, actor: stranger })).rejects.toMatchObject({ code: "not_found" });
    const theirs = await signedIn(app, stranger);
    await revokeUserGrant({ clientId: app.clientId, actor: stranger });
    expect((await row(mine.access)).revokedAt).toBeNull();
    expect((await row(theirs.access)).revokedAt).not.toBeNull();
  });
});

describe("admin revocation: cascade on and off, and re-approval", () => {
  it("revoking a refresh token with cascade off leaves its access token working; with cascade on the grant ends", async () => {
    const app = await createPersonApp();
    const s = await signedIn(app);
    const op = await admin();
    await revokeByOperator({ token: s.refresh, cascade: false, actor: op, reason: "test" });
    expect((await row(s.refresh)).revokedReason).toBe("admin");
    expect((await row(s.access)).revokedAt).toBeNull();
    expect((await tokenRequest(app, { grant_type: "refresh_token", refresh_token: s.refresh })).body.error).toBe("invalid_grant");

    const t = await signedIn(app);
    await revokeByOperator({ token: t.access, actor: op });
    expect((await row(t.refresh)).revokedAt).not.toBeNull();
  });

  it("re-approves a revoked, unexpired token (alone or with its grant), announces token.updated, and audits who and why", async () => {
    const app = await createPersonApp();
    const s = await signedIn(app);
    const op = await admin();
    await revokeByOperator({ token: s.access, actor: op });
    const alone = await reapproveToken({ token: s.access, cascade: false, actor: op, reason: "false alarm" });
    expect(alone.changed.map((c) => c.hash)).toEqual([hashToken(s.access)]);
    expect((await row(s.refresh)).revokedAt).not.toBeNull();
    const event = await db.revocationEvent.findUniqueOrThrow({ where: { sequence: (await row(s.access)).revocationSeq! } });
    expect(event.type).toBe("token.updated");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { appId: app.app.id, action: "token.reapproved" } });
    expect(audit.actor).toBe(op.email);
    expect(JSON.parse(audit.detail)).toMatchObject({ cascade: false, why: "false alarm" });

    const all = await reapproveToken({ token: s.access, actor: op });
    expect(all.changed.map((c) => c.hash)).toEqual([hashToken(s.refresh)]);
    expect((await tokenRequest(app, { grant_type: "refresh_token", refresh_token: s.refresh })).status).toBe(200);
  });

  it("never brings back a rotated refresh token or an expired one", async () => {
    const app = await createPersonApp();
    const s = await signedIn(app);
    await tokenRequest(app, { grant_type: "refresh_token", refresh_token: s.refresh });
    expect((await reapproveToken({ token: s.refresh, cascade: false, actor: TEST_OPERATOR })).changed).toEqual([]);
    await revokeByOperator({ token: s.access, cascade: false, actor: TEST_OPERATOR });
    await db.token.update({ where: { hash: hashToken(s.access) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await reapproveToken({ token: s.access, cascade: false, actor: TEST_OPERATOR })).changed).toEqual([]);
  });
});
