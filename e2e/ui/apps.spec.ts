import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { ADMIN, expect, signIn, signUp, test } from "../fixtures";

// Applications as a person uses them, and the wall between two subscribers (404 by URL and by API).

async function createAppInBrowser(page: Page, name: string) {
  await page.goto("/apps/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create application" }).click();
  const reveal = page.getByTestId("credentials-reveal");
  await expect(reveal).toContainText("you won't see it again");
  const clientId = (await reveal.getByLabel("Client ID", { exact: true }).textContent())!;
  const clientSecret = (await reveal.getByLabel("Client secret", { exact: true }).textContent())!;
  await page.getByRole("link", { name: /open the application/ }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  return { appId: new URL(page.url()).pathname.split("/").pop()!, clientId, clientSecret };
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/** fetch() from inside the page, with the signed-in user's session cookie, as a curious user would. */
const apiFromPage = (page: Page, url: string, method = "GET", body?: unknown) =>
  page.evaluate(
    async ({ url, method, body }) => {
      const res = await fetch(url, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { url, method, body },
  );

test("create with field errors, see the secret once, rename, then delete by typing the name", async ({ page }) => {
  await signUp(page);
  await page.goto("/apps");
  await expect(page.getByText("No applications yet")).toBeVisible();
  await page.getByRole("link", { name: "Create your first application" }).click();

  await page.getByRole("button", { name: "Create application" }).click();
  await expect(page.getByText("Give the application a name.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Weather dashboard");
  await page.getByLabel("Redirect URIs (optional)").fill("http://example.com/callback");
  await page.getByRole("button", { name: "Create application" }).click();
  await expect(page.getByText("Use https://, or http:// only for localhost.")).toBeVisible();
  await page.getByLabel("Redirect URIs (optional)").fill("https://weather.example/callback\nhttp://localhost:3000/cb");
  await page.getByRole("button", { name: "Create application" }).click();

  const reveal = page.getByTestId("credentials-reveal");
  const clientSecret = (await reveal.getByLabel("Client secret", { exact: true }).textContent())!;
  expect(clientSecret).toMatch(/^pcl_cs_/);
  await page.getByRole("link", { name: /open the application/ }).click();
  await expect(page.getByRole("heading", { name: "Weather dashboard", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Client secrets" })).toContainText(`…${clientSecret.slice(-4)}`);
  await page.reload();
  await expect(page.getByRole("table", { name: "Client secrets" })).toContainText("Active");
  expect(await page.content()).not.toContain(clientSecret); // shown once: never again

  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Weather board");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Weather board", level: 1 })).toBeVisible();
  await page.goto("/apps");
  await expect(page.getByRole("list", { name: "Applications" })).toContainText("Weather board");
  await page.getByRole("link", { name: /Weather board/ }).click();

  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Delete application" }).click();
  const dialog = page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Delete this application" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type Weather board to confirm").fill("Weather");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type Weather board to confirm").fill("Weather board");
  await confirm.click();
  await page.waitForURL(/\/apps$/);
  await expect(page.getByText("No applications yet")).toBeVisible();
});

test("a second application of the same name (any case, spaces around) is refused next to the name, at create and at rename", async ({
  browser,
  page,
}) => {
  await signUp(page);
  await createAppInBrowser(page, "Billing sync");
  await page.goto("/apps/new");
  await page.getByLabel("Name", { exact: true }).fill("  billing SYNC ");
  await page.getByRole("button", { name: "Create application" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(
    /You already have an application named "Billing sync"\.$/,
  );
  await expect(page.getByTestId("credentials-reveal")).toHaveCount(0);

  await createAppInBrowser(page, "Billing export");
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Billing Sync");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(
    /You already have an application named "Billing sync"\.$/,
  );
  await expect(page.getByRole("heading", { name: "Billing export", level: 1 })).toBeVisible();

  // Another subscriber's names are theirs: the same name is free for them.
  const other = await (await browser.newContext()).newPage();
  await signUp(other);
  await createAppInBrowser(other, "Billing sync");
});

test("deleting an application stops its credentials at the token endpoint", async ({ page }) => {
  await signUp(page);
  const { appId, clientId, clientSecret } = await createAppInBrowser(page, "Short-lived");
  const tokenRequest = () =>
    page.request.post("/oauth2/token", {
      headers: { authorization: basic(clientId, clientSecret) },
      form: { grant_type: "client_credentials" },
    });
  expect((await tokenRequest()).status()).toBe(200);

  expect((await apiFromPage(page, `/api/apps/${appId}`, "DELETE", { confirmName: "short-lived" })).status).toBe(400);
  expect((await apiFromPage(page, `/api/apps/${appId}`, "DELETE", { confirmName: "Short-lived" })).body).toEqual({ revokedTokens: 1 });
  const refused = await tokenRequest();
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "invalid_client" });
});

test("an admin reads every application's trail, a deleted application's included", async ({ page, browser }) => {
  const { email } = await signUp(page);
  const { appId } = await createAppInBrowser(page, "Audited then deleted");
  await apiFromPage(page, `/api/apps/${appId}`, "DELETE", { confirmName: "Audited then deleted" });
  expect((await page.goto("/admin/activity"))?.status()).toBe(404); // subscribers do not even learn the page exists

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto("/admin/activity");
  const trail = admin.getByRole("table", { name: "All activity" });
  const deleted = trail.getByRole("row").filter({ hasText: "Deleted the application" }).filter({ hasText: email });
  await expect(deleted).toContainText("Audited then deleted");
  await expect(deleted).toContainText("0 tokens revoked");
  await expectNoSeriousViolations(admin, "admin activity");
});

test("bad input to the portal API gets 400/422 with field messages, never a 500", async ({ page }) => {
  await signUp(page);
  await page.goto("/apps");
  const invalidJson = await page.evaluate(
    async () => (await fetch("/api/apps", { method: "POST", headers: { "content-type": "application/json" }, body: "{" })).status,
  );
  expect(invalidJson).toBe(400);
  const invalid = await apiFromPage(page, "/api/apps", "POST", { name: "", redirectUris: ["ftp://x", 42] });
  expect(invalid.status).toBe(422);
  expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["name", "redirectUris"]);
});

async function newSubscriber(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signUp(page);

  return page;
}

test("another subscriber cannot see or change the application: 404 by URL and by API", async ({ browser }) => {
  const owner = await newSubscriber(browser);
  const { appId } = await createAppInBrowser(owner, "Owner's app");
  const intruder = await newSubscriber(browser);

  const byUrl = await intruder.goto(`/apps/${appId}`);
  expect(byUrl?.status()).toBe(404);
  await expect(intruder.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(intruder.getByText("Owner's app")).toHaveCount(0);

  const attempts: [string, string, unknown?][] = [
    [`/api/apps/${appId}`, "GET"],
    [`/api/apps/${appId}`, "PATCH", { name: "Taken over" }],
    [`/api/apps/${appId}`, "DELETE", { confirmName: "Owner's app" }],
    [`/api/apps/${appId}/secrets`, "GET"],
    [`/api/apps/${appId}/secrets`, "POST", { overlap: "none" }],
    [`/api/apps/${appId}/tokens`, "GET"],
    [`/api/apps/${appId}/tokens`, "POST", { regenerate: true }],
    [`/api/apps/${appId}/activity`, "GET"],
  ];
  for (const [url, method, body] of attempts) {
    const res = await apiFromPage(intruder, url, method, body);
    expect({ url, method, status: res.status, code: res.body?.error?.code }).toEqual({ url, method, status: 404, code: "not_found" });
  }
  expect((await apiFromPage(intruder, "/api/apps")).body).toEqual({ apps: [], total: 0, nextCursor: null });

  await owner.reload();
  await expect(owner.getByRole("heading", { name: "Owner's app", level: 1 })).toBeVisible();
  await owner.getByRole("tab", { name: "Tokens" }).click();
  await expect(owner.getByText("No tokens yet")).toBeVisible(); // the intruder's regenerate did nothing
});

async function expectNoSeriousViolations(page: Page, where: string) {
  // Toasts come and go while the scan runs; the toaster's own styling is checked where it is configured.
  const { violations } = await new AxeBuilder({ page })
    .exclude("[data-sonner-toaster]")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("application pages pass an axe scan, on a phone too", async ({ page }) => {
  test.setTimeout(120_000); // eleven scans of pages that now carry filters and samples
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page);
  await page.goto("/apps");
  await expectNoSeriousViolations(page, "empty list");
  await page.goto("/apps/new");
  await page.getByRole("button", { name: "Create application" }).click();
  await expect(page.getByText("Give the application a name.")).toBeVisible();
  await expectNoSeriousViolations(page, "create form with errors");
  await createAppInBrowser(page, "Accessible app");
  await page.getByRole("tab", { name: "Tokens" }).click();
  await page.getByRole("button", { name: "Generate access token" }).click();
  await expect(page.getByTestId("token-reveal")).toBeVisible();
  await expectNoSeriousViolations(page, "token shown");
  const loaded = { Keys: "Client secrets", Tokens: "Tokens", Activity: "Application activity" } as Record<string, string>;
  for (const tab of ["Keys", "Tokens", "Subscriptions", "Activity", "Settings"]) {
    await page.getByRole("tab", { name: tab }).click();
    if (loaded[tab]) await expect(page.getByRole("table", { name: loaded[tab] }).getByRole("row").nth(1)).toBeVisible();
    await expectNoSeriousViolations(page, `${tab} tab`);
  }
  await page.getByRole("tab", { name: "Keys" }).click();
  await page.getByRole("button", { name: "Regenerate secret" }).click();
  await expectNoSeriousViolations(page, "regenerate dialog");
  await page.keyboard.press("Escape");
  await page.goto("/apps");
  await expectNoSeriousViolations(page, "list");
});
