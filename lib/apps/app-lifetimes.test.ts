import { db } from "@/lib/data/db/client";
import { introspectAs, makeUser } from "@/lib/testing/factories";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "./create-app";
import { updateApp } from "./update-app";

const allowOverrides = (value: "true" | "false") =>
  db.setting.upsert({ where: { key: "app_overrides_allowed" }, create: { key: "app_overrides_allowed", value }, update: { value } });

async function ownApp() {
  const owner = await makeUser();

  return { owner, ...(await createApp({ actor: owner, name: "Lifetimes" })) };
}

// The defaults stay as they are (1 h access, 1 day maximum): other test files share this database.
describe("an application's own token lifetimes", () => {
  afterEach(() => db.setting.deleteMany({ where: { key: "app_overrides_allowed" } }));

  it("are refused while the admin does not allow them, and nothing is saved", async () => {
    const { owner, app } = await ownApp();
    await allowOverrides("false");

    await expect(updateApp({ appId: app.id, actor: owner, accessTokenTtl: 600 })).rejects.toMatchObject({
      code: "bad_request",
      fields: { accessTokenTtl: ["The admin doesn't allow applications to set their own lifetimes."] },
    });
    expect(await db.app.findUniqueOrThrow({ where: { id: app.id }, select: { accessTokenTtl: true } })).toEqual({ accessTokenTtl: null });
  });

  it("are refused above the maximum with a field error naming it", async () => {
    const { owner, app } = await ownApp();
    await allowOverrides("true");

    await expect(updateApp({ appId: app.id, actor: owner, accessTokenTtl: 2 * 86_400, refreshTokenTtl: 3600 })).rejects.toMatchObject({
      fields: { accessTokenTtl: ["At most 1 day (86400 s), the maximum the admin allows."] },
    });
    expect(await db.app.findUniqueOrThrow({ where: { id: app.id }, select: { refreshTokenTtl: true } })).toEqual({ refreshTokenTtl: null });
  });

  it("within the maximums, are saved and followed by the next token", async () => {
    const { owner, app } = await ownApp();
    await allowOverrides("true");

    const saved = await updateApp({ appId: app.id, actor: owner, accessTokenTtl: 300, refreshTokenTtl: 7 * 86_400 });
    expect(saved).toMatchObject({ accessTokenTtl: 300, refreshTokenTtl: 7 * 86_400 });
    expect((await generateAppToken({ appId: app.id, actor: owner })).expiresIn).toBe(300);
    const event = await db.auditEvent.findFirstOrThrow({ where: { appId: app.id, action: "app.updated" } });
    expect(JSON.parse(event.detail)).toMatchObject({ changed: ["accessTokenTtl", "refreshTokenTtl"] });
  });

  it("can always be cleared, and an unchanged one is not judged again", async () => {
    const { owner, app } = await ownApp();
    await db.app.update({ where: { id: app.id }, data: { accessTokenTtl: 600 } });
    await allowOverrides("false");

    await expect(updateApp({ appId: app.id, actor: owner, name: "Renamed", accessTokenTtl: 600 })).resolves.toMatchObject({
      name: "Renamed",
    });
    await expect(updateApp({ appId: app.id, actor: owner, accessTokenTtl: null })).resolves.toMatchObject({ accessTokenTtl: null });
  });
});

describe("a shorter validity for one token", () => {
  it("is honoured, and the token introspects with that expiry", async () => {
    const { owner, app, clientId, clientSecret } = await ownApp();
    const token = await generateAppToken({ appId: app.id, actor: owner, ttlSeconds: 120 });

    expect(token.expiresIn).toBe(120);
    const answer = (await introspectAs(clientId, clientSecret, token.accessToken)) as { active: boolean; exp?: number };
    expect(answer.exp).toBe(Math.floor(Date.parse(token.expiresAt) / 1000));
  });

  it("longer than allowed is a field error, and a regenerate then revokes nothing", async () => {
    const { owner, app, clientId, clientSecret } = await ownApp();
    const first = await generateAppToken({ appId: app.id, actor: owner });

    await expect(generateAppToken({ appId: app.id, actor: owner, regenerate: true, ttlSeconds: 7200 })).rejects.toMatchObject({
      code: "bad_request",
      fields: { ttlSeconds: ["At most 1 hour."] },
    });
    expect(await introspectAs(clientId, clientSecret, first.accessToken)).toMatchObject({ active: true });
  });
});
