import type { APIRequestContext, Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { expect, signUp, test } from "../fixtures";

// The core job in the browser: generate, check at the introspection endpoint, revoke, regenerate,
// rotate the client secret — and the page keeps up without a reload.

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

async function introspect(request: APIRequestContext, creds: { clientId: string; clientSecret: string }, token: string) {
  const res = await request.post("/oauth2/introspect", {
    headers: { authorization: basic(creds.clientId, creds.clientSecret) },
    form: { token },
  });
  expect(res.status()).toBe(200);

  return (await res.json()) as { active: boolean };
}

const tokenEndpoint = (request: APIRequestContext, clientId: string, secret: string) =>
  request.post("/oauth2/token", { headers: { authorization: basic(clientId, secret) }, form: { grant_type: "client_credentials" } });

async function createApp(page: Page, name: string) {
  await page.goto("/apps/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create application" }).click();
  const reveal = page.getByTestId("credentials-reveal");
  const clientId = (await reveal.getByLabel("Client ID", { exact: true }).textContent())!;
  const clientSecret = (await reveal.getByLabel("Client secret", { exact: true }).textContent())!;
  await page.getByRole("link", { name: /open the application/ }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  return { clientId, clientSecret };
}

async function generate(page: Page, { regenerate = false, previous = "" } = {}) {
  if (regenerate) {
    await page.getByRole("button", { name: "Regenerate", exact: true }).click();
    await page
      .getByRole("alertdialog")
      .getByRole("button", { name: /and regenerate$/ })
      .click();
  } else {
    await page.getByRole("button", { name: "Generate access token" }).click();
  }
  const reveal = page.getByTestId("token-reveal");
  await expect(reveal).toContainText("you won't see it again");
  await expect(reveal.getByLabel("Access token", { exact: true })).not.toHaveText(previous || "-");
  const token = (await reveal.getByLabel("Access token", { exact: true }).textContent())!;
  await expect(reveal).toContainText(`-d "token=${token}"`); // the introspection snippet carries it (API calls appear once subscribed)

  return token;
}

const row = (page: Page, token: string) =>
  page
    .getByRole("table", { name: "Tokens" })
    .getByRole("row")
    .filter({ hasText: `…${token.slice(-4)}` });

test("generate → active at introspection → revoke in the browser → inactive; regenerate", async ({ page, request }) => {
  const { email } = await signUp(page);
  const creds = await createApp(page, "Checkout service");
  await page.getByRole("tab", { name: "Tokens" }).click();
  await expect(page.getByText("No tokens yet")).toBeVisible();
  await expect(page.getByText(`-d "grant_type=client_credentials" http://127.0.0.1:`)).toBeVisible();

  const first = await generate(page);
  expect(first).toMatch(/^pcl_at_/);
  await expect(page.getByTestId("token-reveal")).toContainText("/oauth2/introspect");
  expect(await introspect(request, creds, first)).toMatchObject({ active: true });
  await expect(row(page, first)).toContainText("Active");

  await row(page, first)
    .getByRole("button", { name: /Revoke token/ })
    .click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("cannot be undone");
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(row(page, first)).toContainText(/Revoked\s*by .+ in the portal/); // no reload: query invalidation
  await expect(row(page, first)).toContainText(`by ${email} in the portal`);
  expect(await introspect(request, creds, first)).toEqual({ active: false });

  const second = await generate(page, { previous: first });
  const third = await generate(page, { regenerate: true, previous: second });
  expect(await introspect(request, creds, second)).toEqual({ active: false });
  expect(await introspect(request, creds, third)).toMatchObject({ active: true });
  await expect(row(page, second)).toContainText(`by ${email} on regenerate`);
  await expect(row(page, third)).toContainText("Active");

  await page.getByRole("tab", { name: "Activity" }).click();
  const activity = page.getByRole("table", { name: "Application activity" });
  for (const what of ["Created the application", "Generated an access token", "Revoked tokens", "Regenerated the access token"]) {
    await expect(activity.getByText(what).first()).toBeVisible();
  }
  await expect(activity).toContainText(email);
  await expect(activity).toContainText("127.0.0.1");

  await page.getByRole("tab", { name: "Tokens" }).click(); // leaving the tab dropped the token from the page
  await expect(page.getByTestId("token-reveal")).toHaveCount(0);
  await expect(row(page, third)).toContainText("Active");
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 }); // a clean picture for the README
  mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ path: "docs/screenshots/application.png", fullPage: true });
});

test("regenerate the secret with an overlap, then immediately: the old secret gets invalid_client", async ({ page, request }) => {
  await signUp(page);
  const { clientId, clientSecret: original } = await createApp(page, "Billing worker");
  const secrets = page.getByRole("table", { name: "Client secrets" });

  async function rotate(choice: string) {
    await page.getByRole("button", { name: "Regenerate secret" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("radio", { name: new RegExp(choice) }).check();
    await dialog.getByRole("button", { name: "Regenerate secret" }).click();
    const secret = (await dialog.getByLabel("Client secret", { exact: true }).textContent())!;
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    return secret;
  }

  const overlapped = await rotate("Keep the old secret for 1 hour");
  await expect(secrets.getByRole("row").filter({ hasText: `…${original.slice(-4)}` })).toContainText("Expiring");
  await expect(secrets.getByRole("row").filter({ hasText: `…${overlapped.slice(-4)}` })).toContainText("Active");
  expect((await tokenEndpoint(request, clientId, original)).status()).toBe(200);
  expect((await tokenEndpoint(request, clientId, overlapped)).status()).toBe(200);

  const fresh = await rotate("Immediately");
  for (const old of [original, overlapped]) {
    const res = await tokenEndpoint(request, clientId, old);
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_client" });
  }
  expect((await tokenEndpoint(request, clientId, fresh)).status()).toBe(200);
  await expect(secrets.getByRole("row").filter({ hasText: `…${overlapped.slice(-4)}` })).toContainText("Revoked");
});

test("the token list's filters live in the URL: a reload shows the same filters and the same results", async ({ page, request }) => {
  await signUp(page);
  const creds = await createApp(page, "Filtered tokens");
  const mint = async () =>
    ((await (await tokenEndpoint(request, creds.clientId, creds.clientSecret)).json()) as { access_token: string }).access_token;
  const kept = await mint();
  const other = await mint();
  await page.getByRole("tab", { name: "Tokens" }).click();
  await expect(row(page, other)).toBeVisible();

  const filters = page.getByRole("search", { name: "Filter tokens" });
  await filters.getByLabel("Last 4 characters").fill(kept.slice(-4));
  await filters.getByLabel("State").selectOption("active");
  await filters.getByLabel("Type").selectOption("access_token");
  await expect(row(page, other)).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`q=${kept.slice(-4)}`));

  await page.reload();
  await expect(filters.getByLabel("Last 4 characters")).toHaveValue(kept.slice(-4));
  await expect(filters.getByLabel("State")).toHaveValue("active");
  await expect(filters.getByLabel("Type")).toHaveValue("access_token");
  await expect(row(page, kept)).toBeVisible();
  await expect(row(page, other)).toHaveCount(0);
});
