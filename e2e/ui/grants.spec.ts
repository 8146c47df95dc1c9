import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import * as oauth from "oauth4webapi";
import { PUBLIC_CLIENT_HAS_NO_SECRET } from "../../lib/apps/schemas.shared";
import { BASE_URL } from "../../playwright.config";
import { createGateway } from "../../reference-gateway/create-gateway";
import { startEchoUpstream } from "../../reference-gateway/testing/echo-upstream";
import { cli } from "../api/cli";
import { ADMIN, expect, expectNoHorizontalScroll, signIn, signUp, test, uniqueEmail } from "../fixtures";
import { PROPAGATION_BUDGET_MS } from "./gateway-process";
import { startOAuthClient } from "./oauth-client";

// Issue 10 as people see it: a person authorizes a client application (authorization code + PKCE,
// an RFC client library on the client's side), the client refreshes with rotation, a replayed
// refresh token ends the family and alerts the owner, and the person withdraws access.

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function registerApp(redirectUri: string) {
  const owner = { email: uniqueEmail("owner"), password: "owner-e2e-password" };
  cli("users", "create", "--email", owner.email, "--password", owner.password);
  const name = `Client ${randomUUID().slice(0, 6)}`;
  const app = cli<{ client_id: string; client_secret: string | null; app_id: string }>(
    "apps",
    "create",
    "--owner",
    owner.email,
    "--name",
    name,
    "--redirect-uri",
    redirectUri,
  );

  return { owner, name, ...app };
}

test("a person authorizes, the client refreshes, a replay ends the family and alerts the owner; revoking access reaches the gateway", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const rp = await startOAuthClient();
  const app = registerApp(rp.redirectUri);
  rp.register(app.client_id, app.client_secret);

  const person = await (await browser.newContext()).newPage();
  await person.goto(rp.url);
  await person.getByRole("link", { name: "Sign in with Portcullis" }).click();
  // No session yet: an account first, then straight back to the consent.
  await person.waitForURL(/\/sign-in/);
  await person.getByRole("link", { name: "Create an account" }).click();
  await expect(person.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await person.getByLabel("Email", { exact: true }).fill(uniqueEmail("person"));
  await person.getByLabel("Password", { exact: true }).fill("correct-horse-battery");
  await person.getByRole("button", { name: "Create account" }).click();
  await expect(person.getByRole("heading", { name: `Authorize ${app.name}?` })).toBeVisible();
  await expect(person.getByText(app.owner.email)).toBeVisible();

  // Deny → access_denied at the client, with iss (RFC 9207), which oauth4webapi checks.
  await person.getByRole("button", { name: "Deny" }).click();
  await expect(person.getByRole("heading", { name: "Back at the client" })).toBeVisible();
  expect(() => rp.callback()).toThrow(expect.objectContaining({ error: "access_denied" }) as Error);

  await person.goto(rp.url);
  await person.getByRole("link", { name: "Sign in with Portcullis" }).click();
  await person.getByRole("button", { name: "Approve" }).click();
  await expect(person.getByRole("heading", { name: "Back at the client" })).toBeVisible();
  const first = await rp.redeem();
  expect(first.refresh_token).toMatch(/^pcl_rt_/);
  const second = await rp.refresh(first.refresh_token!);
  const third = await rp.refresh(second.refresh_token!);
  expect(await rp.active(third.access_token)).toBe(true);
  // The first refresh token again: someone else holds it. The whole family ends.
  await expect(rp.refresh(first.refresh_token!)).rejects.toThrow(oauth.ResponseBodyError);
  for (const t of [first.access_token, second.access_token, third.access_token, third.refresh_token!])
    expect(await rp.active(t)).toBe(false);

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, app.owner.email, app.owner.password);
  await owner.goto(`/apps/${app.app_id}`);
  await expect(owner.getByRole("alert").filter({ hasText: "A used refresh token was presented again" })).toBeVisible();

  // Consent is remembered: the next sign-in goes straight back to the client.
  const port = await freePort();
  const gatewayName = `grants-${randomUUID().slice(0, 6)}`;
  const gw = cli<{ client_id: string; client_secret: string; signing_secret: string }>(
    "gateways",
    "add",
    "--name",
    gatewayName,
    "--revoke-url",
    `http://127.0.0.1:${port}/portcullis/revoke`,
  );
  const upstream = await startEchoUpstream();
  const gateway = createGateway({
    port,
    upstream: upstream.url,
    keyManager: BASE_URL,
    clientId: gw.client_id,
    clientSecret: gw.client_secret,
    signingSecret: gw.signing_secret,
    ttl: 300,
    quiet: true,
  });
  await gateway.listen();
  try {
    await person.goto(rp.url);
    await person.getByRole("link", { name: "Sign in with Portcullis" }).click();
    await expect(person.getByRole("heading", { name: "Back at the client" })).toBeVisible();
    const fresh = await rp.redeem();
    const call = () => fetch(`http://127.0.0.1:${port}/orders/1`, { headers: { authorization: `Bearer ${fresh.access_token}` } });
    expect((await call()).status).toBe(200);

    await person.goto("/account/authorized");
    const grant = person.getByRole("list", { name: "Authorized applications" }).getByRole("listitem").filter({ hasText: app.name });
    await grant.getByRole("button", { name: `Revoke access of ${app.name}` }).click();
    const revokedAt = Date.now();
    await expect(person.getByText("You have not authorized any application.")).toBeVisible();
    for (;;) {
      const res = await call();
      if (res.status === 401) break;
      expect(Date.now() - revokedAt, "the gateway still admits the token").toBeLessThan(PROPAGATION_BUDGET_MS);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await rp.active(fresh.access_token)).toBe(false);

    // The owner's trail says in words what the person did (issue 23 B4: grant.approved showed as its raw code).
    await owner.goto(`/apps/${app.app_id}`);
    await owner.getByRole("tab", { name: "Activity" }).click();
    const trail = owner.getByRole("tabpanel", { name: "Activity" });
    await expect(trail).toContainText("A person authorized the application");
    await expect(trail).toContainText("Withdrew an application's access");
    await expect(trail).not.toContainText("grant.approved");
  } finally {
    await gateway.close();
    await upstream.close();
    cli("gateways", "remove", "--name", gatewayName); // later specs' notices are not retried at a closed port
  }
  await rp.close();
});

test("a public client, registered in the browser, completes the flow with PKCE alone; the consent fits a phone @phone", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const rp = await startOAuthClient();
  await signUp(page);
  const name = `Public ${randomUUID().slice(0, 6)}`;
  await page.goto("/apps/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Redirect URIs (optional)").fill(rp.redirectUri);
  await page.getByRole("checkbox", { name: /Public client/ }).check();
  await page.getByRole("button", { name: "Create application" }).click();
  const reveal = page.getByTestId("credentials-reveal");
  await expect(reveal).toContainText("A public client has no secret");
  rp.register((await reveal.getByLabel("Client ID", { exact: true }).textContent())!, null);
  // Its Keys tab offers no secret to make (one would let it authenticate, and introspect): it says why instead.
  await page.getByRole("link", { name: /open the application/i }).click();
  await page.getByRole("tab", { name: "Keys" }).click();
  await expect(page.getByText(PUBLIC_CLIENT_HAS_NO_SECRET)).toBeVisible();
  await expect(page.getByRole("button", { name: "Regenerate secret" })).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  // The developer tries their own app: any portal account may authorize one.
  await page.goto(rp.url);
  await page.getByRole("link", { name: "Sign in with Portcullis" }).click();
  await expect(page.getByRole("heading", { name: `Authorize ${name}?` })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expect(page.getByRole("button", { name: "Approve" })).toBeInViewport();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("heading", { name: "Back at the client" })).toBeVisible();
  const tokens = await rp.redeem();
  expect(tokens.access_token).toMatch(/^pcl_at_/);
  expect((await rp.refresh(tokens.refresh_token!)).refresh_token).toMatch(/^pcl_rt_/);
  await rp.close();
});

test("@phone an admin revokes a refresh token alone, then re-approves a revoked access token: introspection and the gateway accept it again", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const rp = await startOAuthClient();
  const app = registerApp(rp.redirectUri);
  rp.register(app.client_id, app.client_secret);
  const person = await (await browser.newContext()).newPage();
  await signUp(person);
  await person.goto(rp.url);
  await person.getByRole("link", { name: "Sign in with Portcullis" }).click();
  await person.getByRole("button", { name: "Approve" }).click();
  await expect(person.getByRole("heading", { name: "Back at the client" })).toBeVisible();
  const tokens = await rp.redeem();

  const port = await freePort();
  const gatewayName = `grants-${randomUUID().slice(0, 6)}`;
  const gw = cli<{ client_id: string; client_secret: string; signing_secret: string }>(
    "gateways",
    "add",
    "--name",
    gatewayName,
    "--revoke-url",
    `http://127.0.0.1:${port}/portcullis/revoke`,
  );
  const upstream = await startEchoUpstream();
  const gateway = createGateway({
    port,
    upstream: upstream.url,
    keyManager: BASE_URL,
    clientId: gw.client_id,
    clientSecret: gw.client_secret,
    signingSecret: gw.signing_secret,
    ttl: 300,
    quiet: true,
  });
  await gateway.listen();
  const call = async () =>
    (await fetch(`http://127.0.0.1:${port}/orders/1`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status;
  const eventually = async (status: number) => expect.poll(call, { timeout: 2_000, intervals: [20] }).toBe(status);
  try {
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/token-actions");
    const act = async (token: string, action: "Revoke" | "Re-approve", cascade: boolean) => {
      await admin.getByLabel("Token", { exact: true }).fill(token);
      await admin.getByLabel("Reason").fill("e2e");
      await admin.getByRole("checkbox", { name: /Cascade/ }).setChecked(cascade);
      await admin.getByRole("button", { name: action, exact: true }).click();
    };
    // Each action asks first, naming the token and what it changes (issue 23 B7: it acted on one click).
    const dialog = admin.getByRole("alertdialog");
    const confirm = async (title: string, about: RegExp, button: string) => {
      await expect(dialog.getByRole("heading")).toHaveText(title);
      await expect(dialog).toContainText(about);
      await dialog.getByRole("button", { name: button, exact: true }).click();
      await expect(dialog).toBeHidden();
    };

    await act(tokens.refresh_token!, "Revoke", false);
    await confirm(
      "Revoke 1 token?",
      new RegExp(`A refresh token of ${app.name} \\(${app.client_id}\\), active\\.Expires in .*This token alone`),
      "Revoke 1 token",
    );
    await expect(admin.getByRole("status")).toHaveText("Revoked 1 token; gateways notified.");
    expect(await rp.active(tokens.access_token)).toBe(true);
    expect(await call()).toBe(200);
    await expect(rp.refresh(tokens.refresh_token!)).rejects.toThrow(oauth.ResponseBodyError);

    // Cancelled: nothing changes. With cascade the grant's two tokens are covered, and one is revoked already.
    await act(tokens.access_token, "Revoke", true);
    await expect(dialog).toContainText("With its grant: 2 tokens in all.");
    await confirm("Revoke 1 token?", /An access token/, "Cancel");
    await expect(admin.getByRole("status")).toBeHidden();
    expect(await call()).toBe(200);
    // Nothing to do says so, and offers nothing to click but Close.
    await act(tokens.access_token, "Re-approve", false);
    await expect(dialog.getByRole("button", { name: /^Re-approve/ })).toHaveCount(0);
    await confirm("Nothing to re-approve", /None of the tokens it covers is both revoked and unexpired/, "Close");

    await act(tokens.access_token, "Revoke", false);
    await confirm("Revoke 1 token?", /An access token .*, active/, "Revoke 1 token");
    await expect(admin.getByRole("status")).toHaveText("Revoked 1 token; gateways notified.");
    await eventually(401);
    await act(tokens.access_token, "Re-approve", false);
    await confirm("Re-approve 1 token?", /An access token .*, revoked\..*Every gateway accepts them again at once/, "Re-approve 1 token");
    await expect(admin.getByRole("status")).toHaveText("Re-approved 1 token; gateways notified.");
    expect(await rp.active(tokens.access_token)).toBe(true);
    await eventually(200); // the gateway's tombstone does not outlive the re-approval

    // A token that is not one says so on its field (issue 23 B7: "Re-approved 0 tokens; gateways notified.").
    for (const action of ["Re-approve", "Revoke"] as const) {
      await act(`${tokens.access_token.slice(0, -4)}typo`, action, true);
      await expect(admin.getByLabel("Token", { exact: true })).toHaveAccessibleDescription(/No token has this value/);
      await expect(dialog).toBeHidden();
      await expect(admin.getByRole("status")).toBeHidden();
    }
  } finally {
    await gateway.close();
    await upstream.close();
    cli("gateways", "remove", "--name", gatewayName);
    await rp.close();
  }
});
