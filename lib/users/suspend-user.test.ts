import { authorizeCredentials } from "@/lib/auth/authorize";
import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { createClient } from "@/lib/engine/credentials/create-client";
import { personActor, type Person } from "@/lib/engine/identity/actor.shared";
import { ACCOUNT_SUSPENDED } from "@/lib/engine/identity/messages.shared";
import { createLoginLimiter } from "@/lib/engine/identity/rate-limit";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { findSession } from "@/lib/sessions/find-session";
import { startSession } from "@/lib/sessions/start-session";
import {
  approveForTest,
  createPersonApp,
  createTestApp,
  formRequest,
  introspectAs,
  makeUser,
  oauth,
  pkcePair,
  requestToken,
  TEST_OPERATOR,
  tokenRequest,
} from "@/lib/testing/factories";
import { eventually } from "@/lib/testing/notice-receiver";
import { gatewayForTheseTests } from "@/lib/testing/test-gateway";
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

type PersonApp = Awaited<ReturnType<typeof createPersonApp>>;

/** The person signs in to another's application (code + PKCE): the pair it holds for them, and a code approved but not yet redeemed. */
async function heldFor(app: PersonApp, person: Person) {
  const { verifier, challenge } = pkcePair();
  const code = await approveForTest({ app, person, challenge });
  const { body } = await tokenRequest(app, {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: app.redirectUri,
  });
  const pending = pkcePair();

  return {
    access: String(body.access_token),
    refresh: String(body.refresh_token),
    pending: { code: await approveForTest({ app, person, challenge: pending.challenge }), verifier: pending.verifier },
  };
}
const row = (token: string) => db.token.findUniqueOrThrow({ where: { hash: hashToken(token) } });
const refreshWith = (app: PersonApp, refreshToken: string) =>
  tokenRequest(app, { grant_type: "refresh_token", refresh_token: refreshToken });
const redeem = (app: PersonApp, { code, verifier }: { code: string; verifier: string }) =>
  tokenRequest(app, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: app.redirectUri });

const limiter = () => createLoginLimiter({ perAccountAndIp: 100, perAccount: 100, perIp: 100, windowSeconds: 60 });

describe("suspendUser", () => {
  const edge = gatewayForTheseTests();
  const introspectAsGateway = async (token: string) =>
    (
      await oauth.introspect(formRequest("/oauth2/introspect", { token }, { basic: [edge.gateway.clientId, edge.gateway.clientSecret] }))
    ).json();

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

  it("ends what other applications hold for the person too: their tokens in every client, their consent and unredeemed codes, gateways told", async () => {
    const admin = await makeUser("admin");
    const { user, apps } = await subscriberWithApps();
    const person = personActor({ id: user.id, email: user.email, role: "subscriber" });
    const other = await createPersonApp();
    const held = await heldFor(other, person);
    const bystander = await heldFor(other, await makeUser());

    const result = await suspendUser({ userId: user.id, actor: admin });
    await flushNotices(result.notices);

    expect(result.revokedTokens).toBe(4); // their two applications' tokens and the pair the other holds for them
    for (const t of [held.access, held.refresh])
      expect(await row(t)).toMatchObject({ revokedReason: "user_suspended", revokedBy: admin.email, revocationSeq: expect.any(Number) });
    for (const t of [bystander.access, bystander.refresh]) expect(await row(t)).toMatchObject({ revokedAt: null });
    expect(await db.grant.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.authorizationCode.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
    expect(await db.grant.count({ where: { clientId: other.clientId } })).toBe(1); // the bystander's consent stays
    const audit = await db.auditEvent.findMany({ where: { actorId: admin.id, action: { in: ["user.suspended", "token.revoked"] } } });
    expect(audit.map((e) => [e.action, JSON.parse(e.detail)])).toEqual(
      expect.arrayContaining([
        ["user.suspended", expect.objectContaining({ revokedTokens: 4 })],
        ["token.revoked", expect.objectContaining({ reason: "user_suspended", count: 4 })],
      ]),
    );
    const told = (token: string) => edge.receiver.received.some((n) => n.body.includes(hashToken(token)));
    expect(await eventually(() => [held.access, held.refresh, apps[0].issued.accessToken].every(told))).toBe(true);

    expect(await introspectAs(other.clientId, other.clientSecret!, held.access)).toEqual({ active: false });
    expect(await introspectAsGateway(held.access)).toEqual({ active: false });
    expect(await refreshWith(other, held.refresh)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await redeem(other, held.pending)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await db.token.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it("refuses a suspended person's token, refresh token and code even while their rows were left active", async () => {
    const person = await makeUser();
    const other = await createPersonApp();
    const held = await heldFor(other, person);
    expect(await introspectAsGateway(held.access)).toMatchObject({ active: true });
    // Suspended behind the pipeline's back (as a token issued in a race with the suspension would be): no row of theirs changed.
    await db.user.update({ where: { id: person.id }, data: { suspendedAt: new Date() } });

    expect(await introspectAsGateway(held.access)).toEqual({ active: false });
    expect(await introspectAsGateway(held.refresh)).toEqual({ active: false });
    expect(await introspectAs(other.clientId, other.clientSecret!, held.access)).toEqual({ active: false });
    expect(await refreshWith(other, held.refresh)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await redeem(other, held.pending)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await db.token.count({ where: { userId: person.id } })).toBe(2); // nothing new issued for them
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
