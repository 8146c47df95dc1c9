import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, createTestApp, createTestGateway, TEST_ADMIN } from "@/lib/testing/factories";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The CLI as production runs it: dist/cli.mjs on plain node (the global setup builds it), a child
// process on the test database, and a real HTTP receiver as the one gateway of these tests.
const compiled = (...args: string[]) => promisify(execFile)(process.execPath, ["dist/cli.mjs", ...args, "--json"], { env: process.env });

describe("the compiled portcullis", () => {
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
  let gateway: Awaited<ReturnType<typeof createTestGateway>>;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    receiver = await startNoticeReceiver();
    gateway = await createTestGateway(receiver.url);
    api = await createTestApi();
  });
  afterAll(async () => {
    await db.gateway.delete({ where: { id: gateway.gateway.id } });
    await receiver.close();
  });

  /** An application with a live token and an active subscription: what each command below acts on. */
  async function liveApp() {
    const app = await createTestApp();
    const issued = await issueToken({ clientId: app.clientId, subscriber: app.user.id });
    await subscribe({ actor: TEST_ADMIN, asAdmin: true, appId: app.app!.id, apiId: api.api.id, tier: api.gold.name });

    return { ...app, hash: hashToken(issued.accessToken), accessToken: issued.accessToken };
  }
  const ours = () => ({ gateway: gateway.gateway.name, sequence: expect.any(Number), acknowledged: true });
  const receivedWith = (text: string) => receiver.received.filter((n) => n.body.includes(text));

  it("is built, and needs no TypeScript loader", () => {
    expect(existsSync("dist/cli.mjs")).toBe(true);
  });

  it("tokens revoke exits once the gateway acknowledged, and the gateway has the notice", { timeout: 30_000 }, async () => {
    const app = await liveApp();
    const out = JSON.parse((await compiled("tokens", "revoke", "--token", app.accessToken)).stdout);

    expect(out.revoked).toBe(1);
    expect(out.notices).toContainEqual(ours());
    const [notice] = receivedWith(app.hash);
    expect(JSON.parse(notice.body).type).toBe("token.revoked");
  });

  it("subscriptions remove exits once the gateway acknowledged subscription.changed", { timeout: 30_000 }, async () => {
    const app = await liveApp();
    const { stdout } = await compiled(
      "subscriptions",
      "remove",
      "--client-id",
      app.clientId,
      "--api",
      `${api.ref.context}:${api.ref.version}`,
    );
    const out = JSON.parse(stdout);

    expect(out.gateways).toContainEqual(ours());
    const [notice] = receivedWith(`"client_id":"${app.clientId}"`);
    expect(JSON.parse(notice.body)).toMatchObject({ type: "subscription.changed", data: { client_id: app.clientId, api: api.ref } });
  });

  it("apps delete exits once the gateway acknowledged the revocation of the application's tokens", { timeout: 30_000 }, async () => {
    const app = await liveApp();
    const out = JSON.parse((await compiled("apps", "delete", "--client-id", app.clientId)).stdout);

    expect(out).toMatchObject({ client_id: app.clientId, deleted: true, revoked_tokens: 1 });
    expect(out.notices).toContainEqual(ours());
    expect(receivedWith(app.hash)).toHaveLength(1);
    expect((await db.app.findUniqueOrThrow({ where: { id: app.app!.id } })).deletedAt).not.toBeNull();
  });
});
