import { authorizeCredentials } from "@/lib/auth/authorize";
import { db } from "@/lib/data/db/client";
import { createClient } from "@/lib/engine/credentials/create-client";
import { ACCOUNT_SUSPENDED } from "@/lib/engine/identity/messages.shared";
import { createLoginLimiter } from "@/lib/engine/identity/rate-limit";
import { findSession } from "@/lib/sessions/find-session";
import { startSession } from "@/lib/sessions/start-session";
import { createTestApp, makeUser, requestToken, TEST_OPERATOR } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { createUser } from "@/lib/users/create-user";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setUserRole } from "./set-user-role";
import { suspendUser } from "./suspend-user";
import { unsuspendUser } from "./unsuspend-user";

const PASSWORD = "correct-horse-battery";

/** A subscriber who can sign in, with two applications holding a token each and a live session. */
async function subscriberWithApps() {
  const email = `${randomUUID()}@test.local`;
  const user = await createUser({ email, password: PASSWORD });
  const apps = [];
  for (const name of ["one", "two"]) {
    // One at a time: on SQLite, Prisma and the driver store are two connections taking turns to write.
    const app = await db.app.create({ data: { ownerId: user.id, name } });
    const client = await createClient({ appId: app.id });
    apps.push({ app, ...client, issued: await issueToken({ clientId: client.clientId, subscriber: user.id }) });
  }
  const session = await startSession({ userId: user.id });

  return { user, apps, session };
}

const limiter = () => createLoginLimiter({ perAccountAndIp: 100, perAccount: 100, perIp: 100, windowSeconds: 60 });

describe("suspendUser", () => {
  it("revokes every token of every application of the user, ends their sessions and queues the notices, in one go", async () => {
    const admin = await makeUser("admin");
    const { user, apps, session } = await subscriberWithApps();
    const bystander = await createTestApp();
    const theirs = await issueToken({ clientId: bystander.clientId, subscriber: bystander.user.id });

    const result = await suspendUser({ email: user.email, actor: admin });

    expect(result).toMatchObject({ email: user.email, revokedTokens: 2 });
    const tokens = await db.token.findMany({ where: { id: { in: apps.map((a) => a.issued.tokenId) } } });
    expect(tokens).toHaveLength(2);
    for (const t of tokens)
      expect(t).toMatchObject({ revokedReason: "user_suspended", revokedBy: admin.email, revocationSeq: expect.any(Number) });
    expect(await db.token.findUniqueOrThrow({ where: { id: theirs.tokenId } })).toMatchObject({ revokedAt: null });
    expect(await findSession({ id: session.id })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).suspendedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { actorId: admin.id, action: { in: ["user.suspended", "token.revoked"] } } });
    expect(audit.map((e) => [e.action, JSON.parse(e.detail)])).toEqual(
      expect.arrayContaining([
        ["user.suspended", expect.objectContaining({ email: user.email, revokedTokens: 2 })],
        ["token.revoked", expect.objectContaining({ reason: "user_suspended", count: 2 })],
      ]),
    );
  });

  it("refuses the user's sign-in (saying why) and their clients' token requests until lifted; revoked tokens stay revoked", async () => {
    const admin = await makeUser("admin");
    const { user, apps } = await subscriberWithApps();
    await suspendUser({ userId: user.id, actor: admin });

    const refused = await authorizeCredentials({ email: user.email, password: PASSWORD, limiter: await limiter() }).catch((e) => e);
    expect(refused).toMatchObject({ code: "forbidden", message: ACCOUNT_SUSPENDED });
    const wrongPassword = await authorizeCredentials({ email: user.email, password: "not the password", limiter: await limiter() }).catch(
      (e) => e,
    );
    expect(wrongPassword.message).not.toBe(ACCOUNT_SUSPENDED); // no hint without the password
    expect(await requestToken(apps[0].clientId, apps[0].clientSecret)).toMatchObject({ status: 401, body: { error: "invalid_client" } });

    await unsuspendUser({ email: user.email, actor: admin });

    await expect(authorizeCredentials({ email: user.email, password: PASSWORD, limiter: await limiter() })).resolves.toMatchObject({
      id: user.id,
    });
    expect((await requestToken(apps[0].clientId, apps[0].clientSecret)).status).toBe(200);
    expect(await db.token.findUniqueOrThrow({ where: { id: apps[0].issued.tokenId } })).toMatchObject({ revokedReason: "user_suspended" });
  });

  it("refuses to suspend yourself, and changes nothing", async () => {
    const admin = await makeUser("admin");

    await expect(suspendUser({ userId: admin.id, actor: admin })).rejects.toMatchObject({ code: "conflict" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).suspendedAt).toBeNull();
  });

  it("answers not_found for an unknown account", async () => {
    await expect(suspendUser({ email: "nobody@test.local", actor: TEST_OPERATOR })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("setUserRole", () => {
  it("promotes and demotes, recording old and new in the audit trail", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser();

    await expect(setUserRole({ userId: user.id, role: "admin", actor: admin })).resolves.toEqual({ email: user.email, role: "admin" });
    await expect(setUserRole({ email: user.email, role: "subscriber", actor: admin })).resolves.toMatchObject({ role: "subscriber" });
    const changes = await db.auditEvent.findMany({
      where: { actorId: admin.id, action: "user.role_changed" },
      orderBy: { createdAt: "asc" },
    });
    expect(changes.map((e) => JSON.parse(e.detail))).toEqual([
      expect.objectContaining({ from: "subscriber", to: "admin" }),
      expect.objectContaining({ from: "admin", to: "subscriber" }),
    ]);
  });

  it("refuses a role that does not exist", async () => {
    const user = await makeUser();

    await expect(setUserRole({ userId: user.id, role: "root", actor: TEST_OPERATOR })).rejects.toMatchObject({
      name: "ZodError",
    });
  });
});
