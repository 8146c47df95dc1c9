import { createApp } from "@/lib/apps/create-app";
import { revokeAppGrant } from "@/lib/apps/revoke-app-grant";
import { db } from "@/lib/data/db/client";
import { introspectAs, makeUser, requestToken, TEST_OPERATOR } from "@/lib/testing/factories";
import { refuseAuditRows } from "@/lib/testing/refuse-audit";
import { listAppTokens } from "@/lib/tokens/list-app-tokens";
import { afterEach, describe, expect, it } from "vitest";
import { generateAppToken } from "./generate-app-token";

async function ownApp() {
  const owner = await makeUser();

  return { owner, ...(await createApp({ actor: owner, name: "Tokens" })) };
}

describe("generateAppToken", () => {
  it("issues an access token for the app's client that introspects as active, recorded as token.generated", async () => {
    const { owner, app, clientId, clientSecret } = await ownApp();
    const before = Date.now();
    const token = await generateAppToken({ appId: app.id, actor: { ...owner, ip: "192.0.2.10" } });

    expect(token).toMatchObject({ tokenType: "Bearer", clientId, revokedTokens: 0 });
    expect(token.accessToken).toMatch(/^pcl_at_/);
    expect(Date.parse(token.expiresAt)).toBeGreaterThanOrEqual(before + token.expiresIn * 1000 - 1000);
    expect(await introspectAs(clientId, clientSecret, token.accessToken)).toMatchObject({ active: true, client_id: clientId });
    const event = await db.auditEvent.findFirstOrThrow({ where: { appId: app.id, action: "token.generated" } });
    expect(event).toMatchObject({ actor: owner.email, ip: "192.0.2.10" });
    expect(JSON.parse(event.detail)).toMatchObject({ tokenId: token.tokenId, last4: token.accessToken.slice(-4) });
    expect(event.detail).not.toContain(token.accessToken);
  });

  it("stores where the token came from and its note on the token itself", async () => {
    const { owner, app } = await ownApp();
    const browser = await generateAppToken({ appId: app.id, actor: owner, note: "staging smoke tests" });
    const cli = await generateAppToken({ appId: app.id, actor: TEST_OPERATOR, regenerate: true });

    expect(await db.token.findUniqueOrThrow({ where: { id: browser.tokenId } })).toMatchObject({
      source: "browser",
      note: "staging smoke tests",
    });
    expect(await db.token.findUniqueOrThrow({ where: { id: cli.tokenId } })).toMatchObject({ source: "cli", note: null });
  });

  it("commits the token and its audit row together or not at all", async () => {
    const { owner, app, clientId, clientSecret } = await ownApp();
    const kept = await generateAppToken({ appId: app.id, actor: owner });
    const allowAudit = await refuseAuditRows(app.id);
    try {
      await expect(generateAppToken({ appId: app.id, actor: owner, note: "never stored" })).rejects.toThrow(/audit row refused/);
      // Regenerate's revocation goes with them: the token it would have replaced still works.
      await expect(generateAppToken({ appId: app.id, actor: owner, regenerate: true })).rejects.toThrow(/audit row refused/);
    } finally {
      await allowAudit();
    }

    expect(await db.token.findMany({ where: { clientId }, select: { id: true } })).toEqual([{ id: kept.tokenId }]);
    expect(await introspectAs(clientId, clientSecret, kept.accessToken)).toMatchObject({ active: true });
    expect(await db.auditEvent.count({ where: { appId: app.id, action: { in: ["token.generated", "token.regenerated"] } } })).toBe(1);
  });

  it("regenerate revokes the active access tokens, browser- and endpoint-issued, then issues a new one", async () => {
    const { owner, app, clientId, clientSecret } = await ownApp();
    const first = await generateAppToken({ appId: app.id, actor: owner });
    const fromEndpoint = (await requestToken(clientId, clientSecret)).body.access_token!;
    const second = await generateAppToken({ appId: app.id, actor: owner, regenerate: true });

    expect(second.revokedTokens).toBe(2);
    expect(await introspectAs(clientId, clientSecret, first.accessToken)).toEqual({ active: false });
    expect(await introspectAs(clientId, clientSecret, fromEndpoint)).toEqual({ active: false });
    expect(await introspectAs(clientId, clientSecret, second.accessToken)).toMatchObject({ active: true });
    const listed = (await listAppTokens({ appId: app.id, actor: owner })).tokens;
    expect(listed.find((t) => t.id === first.tokenId)).toMatchObject({
      status: "revoked",
      revokedBy: owner.email,
      revokedReason: "regenerate",
    });
    expect(listed.find((t) => t.id === second.tokenId)).toMatchObject({ status: "active", revokedBy: null });
    const actions = (await db.auditEvent.findMany({ where: { appId: app.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["token.generated", "token.revoked", "token.regenerated"]));
  });
});

describe("generateAppToken lifetime", () => {
  afterEach(() => db.setting.deleteMany({ where: { key: "app_overrides_allowed" } }));

  it("follows the application's own lifetime when the admin allows overrides, like the token endpoint", async () => {
    const { owner, app, clientId, clientSecret } = await ownApp();
    await db.app.update({ where: { id: app.id }, data: { accessTokenTtl: 120 } });
    await db.setting.upsert({
      where: { key: "app_overrides_allowed" },
      create: { key: "app_overrides_allowed", value: "true" },
      update: { value: "true" },
    });
    const fromEndpoint = await requestToken(clientId, clientSecret);

    expect((await generateAppToken({ appId: app.id, actor: owner })).expiresIn).toBe(120);
    expect((fromEndpoint.body as { expires_in?: number }).expires_in).toBe(120);
  });
});

describe("revokeAppGrant", () => {
  it("revokes one token in the browser, by whom, and revoking again is not an error", async () => {
    const { owner, app, clientId, clientSecret } = await ownApp();
    const keep = await generateAppToken({ appId: app.id, actor: owner });
    const drop = await generateAppToken({ appId: app.id, actor: owner });

    expect(await revokeAppGrant({ appId: app.id, tokenId: drop.tokenId, actor: { ...owner, ip: "192.0.2.11" } })).toMatchObject({
      revoked: 1,
    });
    expect(await revokeAppGrant({ appId: app.id, tokenId: drop.tokenId, actor: owner })).toMatchObject({ revoked: 0 });
    expect(await introspectAs(clientId, clientSecret, drop.accessToken)).toEqual({ active: false });
    expect(await introspectAs(clientId, clientSecret, keep.accessToken)).toMatchObject({ active: true });
    const row = await db.token.findUniqueOrThrow({ where: { id: drop.tokenId } });
    expect([row.revokedReason, row.revokedBy]).toEqual(["browser", owner.email]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { appId: app.id, action: "token.revoked" } });
    expect(event).toMatchObject({ actor: owner.email, ip: "192.0.2.11" });
  });

  it("answers not_found for an unknown token id", async () => {
    const { owner, app } = await ownApp();

    await expect(revokeAppGrant({ appId: app.id, tokenId: "nope", actor: owner })).rejects.toMatchObject({ code: "not_found" });
  });
});
