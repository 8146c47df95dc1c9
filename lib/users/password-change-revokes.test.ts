import { setAppAccess } from "@/lib/apps/set-app-access";
import { hashToken } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { hashPassword, verifyPassword } from "@/lib/engine/identity/password";
import { listUserGrants } from "@/lib/grants/list-user-grants";
import { revokeUserGrant } from "@/lib/grants/revoke-user-grant";
import {
  approveForTest,
  commitInDyingProcess,
  createPersonApp,
  makeUser,
  pkcePair,
  TEST_OPERATOR,
  tokenRequest,
} from "@/lib/testing/factories";
import { gatewayForTheseTests } from "@/lib/testing/test-gateway";
import { describe, expect, it } from "vitest";
import { changePassword } from "./change-password";

// Issue 26 L4: tokens an application got with the person's password are the person's grant like any other —
// listed under Authorized applications, withdrawable there — and a password change revokes them.
const PASSWORD = "the person's own passphrase 4";
type App = Awaited<ReturnType<typeof createPersonApp>>;

const edge = gatewayForTheseTests();

async function personWithPassword() {
  const person = await makeUser();
  await db.user.update({ where: { id: person.id }, data: { passwordHash: await hashPassword(PASSWORD) } });

  return person;
}
async function passwordGrantApp() {
  const app = await createPersonApp();
  await setAppAccess({ clientId: app.clientId, grantTypes: ["password", "refresh_token", "authorization_code"], actor: TEST_OPERATOR });

  return app;
}
const byPassword = async (app: App, email: string) => {
  const { status, body } = await tokenRequest(app, { grant_type: "password", username: email, password: PASSWORD });
  expect(status).toBe(200);

  return { access: String(body.access_token), refresh: String(body.refresh_token) };
};
async function byConsent(app: App, person: Awaited<ReturnType<typeof makeUser>>) {
  const { verifier, challenge } = pkcePair();
  const code = await approveForTest({ app, person, scope: [], challenge });
  const { body } = await tokenRequest(app, {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: app.redirectUri,
  });

  return String(body.access_token);
}
const revoked = async (token: string) => (await db.token.findUniqueOrThrow({ where: { hash: hashToken(token) } })).revokedReason;

describe("password-grant tokens belong to the person", () => {
  it("are listed under Authorized applications, and withdrawing the application revokes them", async () => {
    const person = await personWithPassword();
    const app = await passwordGrantApp();
    const tokens = await byPassword(app, person.email);

    expect(await listUserGrants({ actor: person })).toEqual([expect.objectContaining({ clientId: app.clientId, activeTokens: 2 })]);
    const { changed, notices } = await revokeUserGrant({ clientId: app.clientId, actor: person });
    expect(changed).toHaveLength(2);
    expect(notices.sequences.length).toBeGreaterThan(0);
    expect([await revoked(tokens.access), await revoked(tokens.refresh)]).toEqual(["grant_revoked", "grant_revoked"]);
  });

  it("a password change revokes them — the refreshed ones too — and keeps what a consent gave, with the notice queued", async () => {
    const person = await personWithPassword();
    const app = await passwordGrantApp();
    const first = await byPassword(app, person.email);
    const refreshed = await tokenRequest(app, { grant_type: "refresh_token", refresh_token: first.refresh });
    const consented = await byConsent(app, person);

    const { revokedTokens, notices } = await changePassword({
      actor: person,
      input: { currentPassword: PASSWORD, newPassword: "a passphrase nobody had before 9" },
    });
    expect(revokedTokens).toBe(3); // the first access token and the refreshed pair (the first refresh token was rotated)
    expect(await revoked(first.access)).toBe("password_changed");
    expect(await revoked(first.refresh)).toBe("refresh_rotated");
    expect(await revoked(String(refreshed.body.access_token))).toBe("password_changed");
    expect(await revoked(String(refreshed.body.refresh_token))).toBe("password_changed");
    expect(await revoked(consented)).toBeNull();
    expect(await db.delivery.count({ where: { gatewayId: edge.gateway.gateway.id, eventSequence: { in: notices.sequences } } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password_changed", detail: { contains: person.id } } });
    expect(JSON.parse(audit.detail)).toMatchObject({ signOutApplications: false, revokedTokens: 3 });
  });

  it("with signOutApplications, every application's tokens go and the consent with them", async () => {
    const person = await personWithPassword();
    const app = await passwordGrantApp();
    const consented = await byConsent(app, person);

    await changePassword({
      actor: person,
      input: { currentPassword: PASSWORD, newPassword: "a passphrase nobody had before 9", signOutApplications: true },
    });
    expect(await revoked(consented)).toBe("password_changed");
    expect(await listUserGrants({ actor: person })).toEqual([]);
  });

  it(
    "commits in one transaction: a process killed right after it leaves the token revoked and the notice queued",
    { timeout: 30_000 },
    async () => {
      const person = await personWithPassword();
      const app = await passwordGrantApp();
      const tokens = await byPassword(app, person.email);

      const sequences = await commitInDyingProcess("password_changed", { actor: person, password: PASSWORD });
      const row = await db.token.findUniqueOrThrow({ where: { hash: hashToken(tokens.access) } });
      expect(row).toMatchObject({ revokedReason: "password_changed", revocationSeq: expect.any(Number) });
      expect(sequences).toContain(row.revocationSeq);
      const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: person.id } });
      expect(await verifyPassword(passwordHash, "a passphrase nobody had before 9")).toBe(true); // the change committed with it
    },
  );
});
