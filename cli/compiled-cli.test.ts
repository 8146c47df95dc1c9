import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { createTestApi, createTestApp, createTestGateway, TEST_ADMIN } from "@/lib/testing/factories";
import { startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The CLI as production runs it: dist/cli.mjs on plain node (the global setup builds it), a child
// process on the test database, and a real HTTP receiver as the one gateway of these tests. The hook
// reports the packages it loaded: a command that tells the gateways commits in the driver store, and
// must not pay for starting Prisma (nor for the other engine's driver).
const compiled = (...args: string[]) =>
  promisify(execFile)(process.execPath, ["--import", "./lib/testing/report-packages.mjs", "dist/cli.mjs", ...args, "--json"], {
    env: process.env,
  });
const loadedPackages = (stderr: string) => /^loaded packages: (.*)$/m.exec(stderr)?.[1].split(" ") ?? [];
const OTHER_DRIVER = engineOf(process.env.DATABASE_URL ?? "") === "postgresql" ? "better-sqlite3" : "pg";

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

  /** What every command that tells the gateways must leave unloaded. */
  const expectNoPrisma = (stderr: string) => {
    const loaded = loadedPackages(stderr);
    expect(loaded).toContain("undici"); // the hook reported
    expect(loaded).not.toContain("@prisma/client");
    expect(loaded).not.toContain(OTHER_DRIVER);
  };

  it("is built, and needs no TypeScript loader", () => {
    expect(existsSync("dist/cli.mjs")).toBe(true);
  });

  it("tokens revoke exits once the gateway acknowledged, and the gateway has the notice", { timeout: 30_000 }, async () => {
    const app = await liveApp();
    const { stdout, stderr } = await compiled("tokens", "revoke", "--token", app.accessToken);
    const out = JSON.parse(stdout);

    expect(out.revoked).toBe(1);
    expectNoPrisma(stderr);
    expect(out.notices).toContainEqual(ours());
    const [notice] = receivedWith(app.hash);
    expect(JSON.parse(notice.body).type).toBe("token.revoked");
  });

  it("subscriptions remove exits once the gateway acknowledged subscription.changed", { timeout: 30_000 }, async () => {
    const app = await liveApp();
    const { stdout, stderr } = await compiled(
      "subscriptions",
      "remove",
      "--client-id",
      app.clientId,
      "--api",
      `${api.ref.context}:${api.ref.version}`,
    );
    const out = JSON.parse(stdout);

    expect(out.gateways).toContainEqual(ours());
    expectNoPrisma(stderr);
    const [notice] = receivedWith(`"client_id":"${app.clientId}"`);
    expect(JSON.parse(notice.body)).toMatchObject({ type: "subscription.changed", data: { client_id: app.clientId, api: api.ref } });
  });

  it("apps delete exits once the gateway acknowledged the revocation of the application's tokens", { timeout: 30_000 }, async () => {
    const app = await liveApp();
    const { stdout, stderr } = await compiled("apps", "delete", "--client-id", app.clientId);
    const out = JSON.parse(stdout);

    expect(out).toMatchObject({ client_id: app.clientId, deleted: true, revoked_tokens: 1 });
    expectNoPrisma(stderr);
    expect(out.notices).toContainEqual(ours());
    expect(receivedWith(app.hash)).toHaveLength(1);
    expect((await db.app.findUniqueOrThrow({ where: { id: app.app!.id } })).deletedAt).not.toBeNull();
  });

  it("users suspend exits once the gateway acknowledged the revocation of the user's tokens", { timeout: 30_000 }, async () => {
    const app = await liveApp();
    const { stdout, stderr } = await compiled("users", "suspend", "--email", app.user.email);

    expect(JSON.parse(stdout)).toMatchObject({ suspended: true, revoked_tokens: 1, notices: [ours()] });
    expectNoPrisma(stderr);
    expect(receivedWith(app.hash)).toHaveLength(1);
  });

  it("reports Prisma where a command does use it (the hook sees it)", { timeout: 30_000 }, async () => {
    const app = await liveApp();
    const { stderr } = await compiled("tokens", "list", "--client-id", app.clientId);

    expect(loadedPackages(stderr)).toContain("@prisma/client");
  });
});
