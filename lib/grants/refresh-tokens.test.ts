import { setAppAccess } from "@/lib/apps/set-app-access";
import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { updateSettings } from "@/lib/settings/settings";
import {
  approveForTest,
  commitInDyingProcess,
  createPersonApp,
  defineTestScopes,
  makeUser,
  pkcePair,
  TEST_OPERATOR,
  tokenRequest,
} from "@/lib/testing/factories";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

type App = Awaited<ReturnType<typeof createPersonApp>>;
beforeAll(() => defineTestScopes(["read", "write"])); // a client may request only the catalog's scopes

async function signedIn(app: App, scope: string[] = []) {
  const person = await makeUser();
  const { verifier, challenge } = pkcePair();
  const code = await approveForTest({ app, person, scope, challenge });
  const { body } = await tokenRequest(app, {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: app.redirectUri,
  });

  return {
    person,
    access: String(body.access_token),
    refresh: String(body.refresh_token),
    grantId: (await row(String(body.refresh_token))).grantId,
  };
}
const row = (token: string) => db.token.findUniqueOrThrow({ where: { hash: hashToken(token) } });
const refresh = (app: App, token: string, extra: Record<string, string> = {}) =>
  tokenRequest(app, { grant_type: "refresh_token", refresh_token: token, ...extra });
const familyStates = async (grantId: string) => (await db.token.findMany({ where: { grantId } })).map((t) => t.revokedReason);

describe("POST /oauth2/token — refresh_token: rotation and reuse detection", () => {
  afterEach(() => db.setting.deleteMany({ where: { key: "refresh_reuse_grace" } }));

  it("rotates on every use: a new pair each time, the used refresh token no longer works, the family keeps its expiry", async () => {
    const app = await createPersonApp();
    const first = await signedIn(app);
    const one = await refresh(app, first.refresh);
    expect(one.status).toBe(200);
    expect(one.body.refresh_token).toMatch(/^pcl_rt_/);
    expect(one.body.refresh_token).not.toBe(first.refresh);
    const two = await refresh(app, String(one.body.refresh_token));
    expect(two.status).toBe(200);
    expect((await row(first.refresh)).revokedReason).toBe("refresh_rotated");
    expect((await row(String(two.body.refresh_token))).expiresAt).toEqual((await row(first.refresh)).expiresAt);
    expect(await db.auditEvent.count({ where: { appId: app.app.id, action: "token.revoked" } })).toBe(0); // rotation is routine
  });

  it("a rotated refresh token presented again revokes the whole family, tells gateways and alerts the owner", async () => {
    const app = await createPersonApp();
    const first = await signedIn(app);
    const one = await refresh(app, first.refresh);
    await refresh(app, String(one.body.refresh_token));
    const replay = await refresh(app, first.refresh);
    expect(replay).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const family = await db.token.findMany({ where: { grantId: first.grantId } });
    expect(family).toHaveLength(6);
    expect(family.every((t) => t.revokedAt !== null)).toBe(true);
    expect(family.filter((t) => t.revokedReason === "refresh_reused").every((t) => t.revocationSeq !== null)).toBe(true);
    expect(await db.auditEvent.count({ where: { appId: app.app.id, action: "token.reuse_detected" } })).toBe(1);
  });

  it("refuses another client's refresh token, an access token and a wider scope with nothing revoked", async () => {
    const app = await createPersonApp();
    const other = await createPersonApp();
    const s = await signedIn(app, ["read"]);
    expect((await refresh(other, s.refresh)).body.error).toBe("invalid_grant");
    expect((await refresh(app, s.access)).body.error).toBe("invalid_grant");
    expect((await refresh(app, s.refresh, { scope: "read write" })).body.error).toBe("invalid_scope");
    expect(await familyStates(s.grantId)).toEqual([null, null]);
    expect((await refresh(app, s.refresh, { scope: "read" })).status).toBe(200);
  });

  it("within the retry window accepts a lost response's retry once (revoking the pair it lost), and a third use is reuse", async () => {
    await updateSettings({ change: { refresh_reuse_grace: "30" }, actor: TEST_OPERATOR });
    const app = await createPersonApp();
    const s = await signedIn(app);
    const lost = await refresh(app, s.refresh);
    const retry = await refresh(app, s.refresh);
    expect(retry.status).toBe(200);
    expect((await row(String(lost.body.refresh_token))).revokedReason).toBe("refresh_retried");
    expect((await row(String(retry.body.refresh_token))).revokedAt).toBeNull();
    expect((await refresh(app, s.refresh)).body.error).toBe("invalid_grant");
    expect((await row(String(retry.body.refresh_token))).revokedReason).toBe("refresh_reused");
  });

  it("within the retry window, two requests that both read the refresh token before either committed are a rotation and its retry", async () => {
    await updateSettings({ change: { refresh_reuse_grace: "30" }, actor: TEST_OPERATOR });
    const app = await createPersonApp();
    const s = await signedIn(app);
    // Concurrent: both read the token while it is live; the second's rotation then finds it rotated.
    const answers = await Promise.all([refresh(app, s.refresh), refresh(app, s.refresh)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const reasons = await Promise.all(answers.map(async (a) => (await row(String(a.body.refresh_token))).revokedReason));
    expect(reasons.sort()).toEqual([null, "refresh_retried"]); // one pair lives; the family does not end
  });

  it("within the retry window, an older refresh token whose child was already used is reuse, not a fork of the family", async () => {
    await updateSettings({ change: { refresh_reuse_grace: "30" }, actor: TEST_OPERATOR });
    const app = await createPersonApp();
    const s = await signedIn(app);
    const r1 = String((await refresh(app, s.refresh)).body.refresh_token); // R0 → R1, by the client
    const r2 = String((await refresh(app, r1)).body.refresh_token); // R1 → R2: R1, the child of R0, is used
    const thief = await refresh(app, s.refresh); // R0 again, within the window
    expect(thief.body.error).toBe("invalid_grant");
    expect((await row(r2)).revokedReason).toBe("refresh_reused"); // the family ends, the client's chain too
    expect((await familyStates(s.grantId)).every((r) => r !== null)).toBe(true);
  });

  it("with the default window of 0 s, an immediate retry is already reuse", async () => {
    const app = await createPersonApp();
    const s = await signedIn(app);
    await refresh(app, s.refresh);
    expect((await refresh(app, s.refresh)).body.error).toBe("invalid_grant");
    expect((await familyStates(s.grantId)).every((r) => r !== null)).toBe(true);
  });

  it("a process killed between the rotation's commit and its response leaves no family half-rotated", { timeout: 30_000 }, async () => {
    const app = await createPersonApp();
    const s = await signedIn(app);
    const sequences = await commitInDyingProcess("refresh_rotated", { clientId: app.clientId, token: s.refresh });
    const family = await db.token.findMany({ where: { grantId: s.grantId }, orderBy: { createdAt: "asc" } });
    // The old refresh token rotated, and the new pair stored with it: all of it or none of it.
    expect(family).toHaveLength(4);
    expect(family.filter((t) => t.revokedAt === null)).toHaveLength(3);
    expect((await row(s.refresh)).revocationSeq).toBeTypeOf("number");
    expect(sequences.length).toBeGreaterThanOrEqual(0);
    // The client never got the new pair: its retry is reuse, and the whole family ends.
    expect((await refresh(app, s.refresh)).body.error).toBe("invalid_grant");
    expect((await familyStates(s.grantId)).every((r) => r !== null)).toBe(true);
  });
});

describe("POST /oauth2/token — password (legacy)", () => {
  it("is refused until an operator enables it for the application; then checks the person's password", async () => {
    const app = await createPersonApp();
    const person = await db.user.create({
      data: {
        email: `pw-${Date.now()}@vitest.test`,
        passwordHash: await (await import("@/lib/engine/identity/password")).hashPassword("correct horse battery staple 9"),
      },
    });
    const grant = { grant_type: "password", username: person.email, password: "correct horse battery staple 9" };
    expect((await tokenRequest(app, grant)).body.error).toBe("unauthorized_client");
    await setAppAccess({ clientId: app.clientId, grantTypes: ["password", "refresh_token"], actor: TEST_OPERATOR });
    const ok = await tokenRequest(app, grant);
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toMatch(/^pcl_rt_/);
    expect((await row(String(ok.body.access_token))).userId).toBe(person.id);
    expect((await tokenRequest(app, { ...grant, password: "wrong" })).body.error).toBe("invalid_grant");
  });

  it("answers invalid_scope for a scope outside the application's allowed list", async () => {
    const app = await createPersonApp();
    await db.scope.upsert({ where: { name: "vitest.read" }, create: { name: "vitest.read", description: "read" }, update: {} });
    await setAppAccess({ clientId: app.clientId, allowedScopes: ["vitest.read"], actor: TEST_OPERATOR });
    expect((await tokenRequest(app, { grant_type: "client_credentials", scope: "vitest.write" })).body.error).toBe("invalid_scope");
    expect((await tokenRequest(app, { grant_type: "client_credentials", scope: "vitest.read" })).status).toBe(200);
  });
});
