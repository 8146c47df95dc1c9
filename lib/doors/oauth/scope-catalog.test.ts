import { grantAppScope } from "@/lib/apps/grant-app-scope";
import { setAppAccess } from "@/lib/apps/set-app-access";
import { withdrawAppScope } from "@/lib/apps/withdraw-app-scope";
import { db } from "@/lib/data/db/client";
import { hashPassword } from "@/lib/engine/identity/password";
import { readAuthorizationRequest } from "@/lib/grants/authorization-request";
import { approveForTest, createPersonApp, defineTestScopes, makeUser, pkcePair, TEST_ADMIN, TEST_OPERATOR } from "@/lib/testing/factories";
import { startFront } from "@/lib/testing/http/raw-http";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 26 M3: a client gets only catalog scopes, and a privileged one only once an admin granted it.
// Over real HTTP: the node:http front on a free port, as a client reaches the token endpoint.
let front: Awaited<ReturnType<typeof startFront>>;
const OPEN = "weather:read";
const PRIVILEGED = `weather:admin.${randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  front = await startFront();
  await defineTestScopes([OPEN]);
  await defineTestScopes([PRIVILEGED], { privileged: true });
});
afterAll(() => front.close());

type App = Awaited<ReturnType<typeof createPersonApp>>;
async function token(app: App, params: Record<string, string>) {
  const res = await fetch(`http://127.0.0.1:${front.port}/oauth2/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(params).toString(),
  });

  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const PASSWORD = "correct horse battery staple 9";
/** An application allowed the password grant, and a person whose password it presents. */
async function passwordSetup() {
  const app = await createPersonApp();
  await setAppAccess({ clientId: app.clientId, grantTypes: ["client_credentials", "password", "refresh_token"], actor: TEST_OPERATOR });
  const person = await db.user.create({ data: { email: `pw-${randomUUID()}@vitest.test`, passwordHash: await hashPassword(PASSWORD) } });

  return { app, grant: { grant_type: "password", username: person.email, password: PASSWORD } };
}

describe.each([
  ["client_credentials", async () => ({ app: await createPersonApp(), grant: { grant_type: "client_credentials" } })],
  ["password", passwordSetup],
])("POST /oauth2/token — %s", (_, setup) => {
  it("answers invalid_scope (400, RFC 6749 §5.2) for scopes outside the catalog", async () => {
    const { app, grant } = await setup();
    const res = await token(app, { ...grant, scope: "admin root *" });

    expect(res).toMatchObject({ status: 400, body: { error: "invalid_scope", error_description: expect.stringContaining("admin") } });
    expect(await db.token.count({ where: { clientId: app.clientId } })).toBe(0);
  });

  it("issues an open catalog scope", async () => {
    const { app, grant } = await setup();

    expect(await token(app, { ...grant, scope: OPEN })).toMatchObject({ status: 200, body: { scope: OPEN } });
  });

  it("refuses a privileged scope until an admin grants it, and again once it is withdrawn", async () => {
    const { app, grant } = await setup();
    expect(await token(app, { ...grant, scope: `${OPEN} ${PRIVILEGED}` })).toMatchObject({ status: 400, body: { error: "invalid_scope" } });

    await grantAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: TEST_ADMIN });
    expect(await token(app, { ...grant, scope: `${OPEN} ${PRIVILEGED}` })).toMatchObject({
      status: 200,
      body: { scope: `${OPEN} ${PRIVILEGED}` },
    });

    await withdrawAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: TEST_ADMIN });
    expect(await token(app, { ...grant, scope: PRIVILEGED })).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
  });
});

describe("POST /oauth2/token — refresh_token", () => {
  it("may only narrow, and drops a privileged scope withdrawn since", async () => {
    const { app, grant } = await passwordSetup();
    await grantAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: TEST_ADMIN });
    const first = await token(app, { ...grant, scope: `${OPEN} ${PRIVILEGED}` });
    expect(await token(app, { grant_type: "refresh_token", refresh_token: first.body.refresh_token, scope: "admin" })).toMatchObject({
      status: 400,
      body: { error: "invalid_scope" },
    });

    await withdrawAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: TEST_ADMIN });
    const refreshed = await token(app, { grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(refreshed).toMatchObject({ status: 200, body: { scope: OPEN } });
  });
});

describe("the authorization endpoint", () => {
  const authorize = (app: App, scope: string) =>
    readAuthorizationRequest([
      ["response_type", "code"],
      ["client_id", app.clientId],
      ["redirect_uri", app.redirectUri],
      ["state", "s1"],
      ["code_challenge", pkcePair().challenge],
      ["code_challenge_method", "S256"],
      ["scope", scope],
    ]);
  const error = (outcome: Awaited<ReturnType<typeof readAuthorizationRequest>>) =>
    "redirect" in outcome ? new URL(outcome.redirect).searchParams.get("error") : JSON.stringify(outcome);

  it("redirects with invalid_scope (RFC 6749 §4.1.2.1) for scopes outside the catalog, and a privileged one not granted", async () => {
    // A verified client's (an admin owns it): another's early errors are the portal's page (RFC 9700 §4.11.2).
    const app = await createPersonApp({ verified: true });
    expect(error(await authorize(app, "admin root *"))).toBe("invalid_scope");
    expect(await authorize(await createPersonApp(), "admin root *")).toMatchObject({ page: { error: "invalid_scope" } });
    expect(error(await authorize(app, PRIVILEGED))).toBe("invalid_scope");
    expect(await authorize(app, OPEN)).toMatchObject({ consent: { scopes: [{ name: OPEN, description: `${OPEN} (test)` }] } });

    await grantAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: TEST_ADMIN });
    expect(await authorize(app, PRIVILEGED)).toHaveProperty("consent");
    const code = await approveForTest({ app, person: await makeUser(), scope: [PRIVILEGED], challenge: pkcePair().challenge });
    expect(code).toEqual(expect.any(String));
  });
});

describe("granting privileged scopes", () => {
  it("commits each grant and withdrawal with its audit row, and refuses open and unknown scopes", async () => {
    const app = await createPersonApp();
    const granted = await grantAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: TEST_ADMIN });
    expect(granted.find((s) => s.name === PRIVILEGED)?.grantedAt).toEqual(expect.any(String));
    await withdrawAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: TEST_ADMIN });
    const trail = await db.auditEvent.findMany({
      where: { appId: app.app.id, action: { startsWith: "app.scope_" } },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.map((e) => e.action)).toEqual(["app.scope_granted", "app.scope_withdrawn"]);

    await expect(grantAppScope({ appId: app.app.id, scope: OPEN, actor: TEST_ADMIN })).rejects.toMatchObject({ code: "bad_request" });
    await expect(grantAppScope({ appId: app.app.id, scope: "nope", actor: TEST_ADMIN })).rejects.toMatchObject({ code: "bad_request" });
    await expect(withdrawAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: TEST_ADMIN })).rejects.toMatchObject({
      code: "not_found",
    });
    // The owner may not grant their own application a privileged scope: to them the page does not exist.
    await expect(grantAppScope({ appId: app.app.id, scope: PRIVILEGED, actor: app.owner })).rejects.toMatchObject({ code: "not_found" });
  });
});
