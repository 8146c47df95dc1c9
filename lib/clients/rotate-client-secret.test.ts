import { createApp } from "@/lib/apps/create-app";
import { db } from "@/lib/data/db/client";
import { introspectAs, makeUser, requestToken } from "@/lib/testing/factories";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { describe, expect, it } from "vitest";
import { listClientSecrets } from "./list-client-secrets";
import { rotateClientSecret } from "./rotate-client-secret";

const HOUR = 60 * 60 * 1000;

async function appWithToken() {
  const owner = await makeUser();
  const created = await createApp({ actor: owner, name: "Rotating" });
  const token = await generateAppToken({ appId: created.app.id, actor: owner });

  return { owner, ...created, token };
}

describe("rotateClientSecret", () => {
  it("immediately: the old secret fails with invalid_client, the new one works, active tokens are revoked", async () => {
    const { owner, app, clientId, clientSecret: old, token } = await appWithToken();
    const rotated = await rotateClientSecret({ appId: app.id, actor: { ...owner, ip: "192.0.2.4" }, overlap: "none" });

    expect(rotated.clientSecret).not.toBe(old);
    expect((await requestToken(clientId, old)).body.error).toBe("invalid_client");
    expect((await requestToken(clientId, rotated.clientSecret)).status).toBe(200);
    expect(await introspectAs(clientId, rotated.clientSecret, token.accessToken)).toEqual({ active: false });
    const tokenRow = await db.token.findUniqueOrThrow({ where: { id: token.tokenId } });
    expect([tokenRow.revokedReason, tokenRow.revokedBy]).toEqual(["secret_regenerated", owner.email]);
    const secrets = await listClientSecrets({ appId: app.id, actor: owner });
    expect(secrets.map((s) => [s.last4, s.status])).toEqual([
      [rotated.last4, "active"],
      [old.slice(-4), "revoked"],
    ]);
  });

  it.each([
    ["1h", 1],
    ["24h", 24],
  ] as const)("with a %s overlap both secrets work and both are listed with the old one's expiry", async (overlap, hours) => {
    const { owner, app, clientId, clientSecret: old, token } = await appWithToken();
    const now = Date.now();
    const rotated = await rotateClientSecret({ appId: app.id, actor: owner, overlap, now });

    expect((await requestToken(clientId, old)).status).toBe(200);
    expect((await requestToken(clientId, rotated.clientSecret)).status).toBe(200);
    expect(await introspectAs(clientId, rotated.clientSecret, token.accessToken)).toMatchObject({ active: true });
    const [fresh, previous] = await listClientSecrets({ appId: app.id, actor: owner, now });
    expect(fresh).toMatchObject({ last4: rotated.last4, status: "active", expiresAt: null });
    expect(previous).toMatchObject({ last4: old.slice(-4), status: "expiring", expiresAt: new Date(now + hours * HOUR).toISOString() });
    expect(rotated.previousExpireAt).toBe(previous.expiresAt);
  });

  it("stops the old secret once the overlap has passed", async () => {
    const { owner, app, clientId, clientSecret: old } = await appWithToken();
    await rotateClientSecret({ appId: app.id, actor: owner, overlap: "1h", now: Date.now() - 2 * HOUR });

    expect((await requestToken(clientId, old)).body.error).toBe("invalid_client");
    const secrets = await listClientSecrets({ appId: app.id, actor: owner });
    expect(secrets.find((s) => s.last4 === old.slice(-4))?.status).toBe("expired");
  });

  it("keeps an earlier expiry when rotating again during an overlap", async () => {
    const { owner, app } = await appWithToken();
    const now = Date.now();
    await rotateClientSecret({ appId: app.id, actor: owner, overlap: "1h", now });
    await rotateClientSecret({ appId: app.id, actor: owner, overlap: "24h", now: now + 1000 });
    const [, second, first] = await listClientSecrets({ appId: app.id, actor: owner, now: now + 1000 });

    expect(first.expiresAt).toBe(new Date(now + HOUR).toISOString());
    expect(second.expiresAt).toBe(new Date(now + 1000 + 24 * HOUR).toISOString());
  });

  it("records secret.regenerated with the overlap and never the secret itself", async () => {
    const { owner, app } = await appWithToken();
    const rotated = await rotateClientSecret({ appId: app.id, actor: { ...owner, ip: "192.0.2.8" }, overlap: "24h" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { appId: app.id, action: "secret.regenerated" } });

    expect(event).toMatchObject({ actor: owner.email, actorId: owner.id, ip: "192.0.2.8" });
    expect(JSON.parse(event.detail)).toMatchObject({ overlap: "24h", last4: rotated.last4 });
    expect(event.detail).not.toContain(rotated.clientSecret);
  });
});
