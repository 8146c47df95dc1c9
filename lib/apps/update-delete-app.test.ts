import { db } from "@/lib/data/db/client";
import { makeUser, requestToken } from "@/lib/testing/factories";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { describe, expect, it } from "vitest";
import { createApp } from "./create-app";
import { deleteApp } from "./delete-app";
import { getAppOrThrow } from "./get-app-or-throw";
import { listApps } from "./list-apps";
import { updateApp } from "./update-app";

describe("updateApp", () => {
  it("renames, describes and replaces redirect URIs, and records what changed", async () => {
    const owner = await makeUser();
    const { app } = await createApp({ actor: owner, name: "Old", redirectUris: ["https://a.example/cb"] });
    const updated = await updateApp({ appId: app.id, actor: owner, name: "New", description: "Now with docs", redirectUris: [] });

    expect(updated).toMatchObject({ name: "New", description: "Now with docs", redirectUris: [] });
    const event = await db.auditEvent.findFirstOrThrow({ where: { appId: app.id, action: "app.updated" } });
    expect(JSON.parse(event.detail)).toMatchObject({ from: "Old", to: "New" });
  });

  it("rejects an empty change and a bad redirect URI with field messages", async () => {
    const owner = await makeUser();
    const { app } = await createApp({ actor: owner, name: "Keep" });

    await expect(updateApp({ appId: app.id, actor: owner })).rejects.toMatchObject({ name: "ZodError" });
    await expect(updateApp({ appId: app.id, actor: owner, redirectUris: ["http://evil.example/cb"] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["redirectUris", 0] })],
    });
  });
});

describe("deleteApp", () => {
  it("refuses unless the exact name is typed back, changing nothing", async () => {
    const owner = await makeUser();
    const { app } = await createApp({ actor: owner, name: "Precious" });

    await expect(deleteApp({ appId: app.id, actor: owner, confirmName: "precious" })).rejects.toMatchObject({
      code: "bad_request",
      fields: { confirmName: [expect.stringContaining("Precious")] },
    });
    expect((await getAppOrThrow({ appId: app.id, actor: owner, may: "apps.open" })).name).toBe("Precious");
  });

  it("revokes every token, disables the credentials and hides the app, keeping its audit trail", async () => {
    const owner = await makeUser();
    const { app, clientId, clientSecret } = await createApp({ actor: owner, name: "Doomed" });
    await generateAppToken({ appId: app.id, actor: owner });
    expect((await requestToken(clientId, clientSecret)).status).toBe(200);

    expect(await deleteApp({ appId: app.id, actor: { ...owner, ip: "192.0.2.1" }, confirmName: "Doomed" })).toMatchObject({
      revokedTokens: 2,
    });
    const tokens = await db.token.findMany({ where: { clientId } });
    expect(tokens.every((t) => t.revokedAt && t.revokedReason === "app_deleted" && t.revokedBy === owner.email)).toBe(true);
    expect((await requestToken(clientId, clientSecret)).body.error).toBe("invalid_client");
    await expect(getAppOrThrow({ appId: app.id, actor: owner, may: "apps.open" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteApp({ appId: app.id, actor: owner, confirmName: "Doomed" })).rejects.toMatchObject({ code: "not_found" });
    expect((await listApps({ actor: owner })).apps).toEqual([]);
    const actions = (await db.auditEvent.findMany({ where: { appId: app.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["app.created", "token.generated", "token.revoked", "app.deleted"]));
  });
});
