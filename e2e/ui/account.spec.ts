import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { cli, registerClient } from "../api/cli";
import { expect, signIn, signUp, test } from "../fixtures";

const PHONE = { width: 390, height: 844 };

/** Another developer's application that an operator let use the password grant (legacy), and a call of it. */
function passwordGrantApp() {
  const app = registerClient();
  cli("apps", "update", "--client-id", app.clientId, "--grant-types", "password,refresh_token");
  const basic = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64")}`;
  const call = async (path: string, form: Record<string, string>) =>
    (await fetch(`${BASE_URL}${path}`, { method: "POST", headers: { authorization: basic }, body: new URLSearchParams(form) })).json();

  return { call };
}

async function openAccount(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
}

for (const [size, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", PHONE],
] as const) {
  test.describe(`on a ${size}`, () => {
    test.use({ viewport });

    test("change password: the reason for a refusal on its field, then every session ends and only the new password works", async ({
      page,
    }) => {
      const { email, password } = await signUp(page);
      await openAccount(page);

      await page.getByLabel("Current password").fill("not-my-password-1");
      await page.getByLabel("New password").fill("a brand new passphrase 7");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("This is not your current password.");

      await page.getByLabel("Current password").fill(password);
      await page.getByLabel("New password").fill("password12345");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(/commonly used password/)).toBeVisible();

      await page.getByLabel("New password").fill("a brand new passphrase 7");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page).toHaveURL(/\/sign-in\?signedOut=password$/);
      await expect(page.getByRole("status")).toHaveText(/Your password was changed/);
      expect((await page.request.get("/api/apps")).status()).toBe(401);

      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
      await signIn(page, email, "a brand new passphrase 7");
      await expect(page).toHaveURL(/\/apps$/);
    });

    test("an application given the password is an authorized application; a password change signs it out, and the others when asked", async ({
      page,
    }) => {
      const { email, password } = await signUp(page);
      const app = passwordGrantApp();
      const { access_token: token } = await app.call("/oauth2/token", { grant_type: "password", username: email, password });
      expect(await app.call("/oauth2/introspect", { token })).toMatchObject({ active: true });

      await page.getByRole("button", { name: /Account menu/ }).click();
      await page.getByRole("menuitem", { name: "Authorized applications" }).click();
      const listed = page.getByRole("list", { name: "Authorized applications" }).getByRole("listitem");
      await expect(listed).toHaveCount(1);
      await expect(listed).toContainText("API e2e");
      await expect(listed).toContainText("2 active tokens"); // the access token and its refresh token

      await openAccount(page);
      await page.getByLabel("Current password").fill(password);
      await page.getByLabel("New password").fill("a brand new passphrase 8");
      await page.getByLabel("Also sign out the applications I authorized").check();
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page).toHaveURL(/\/sign-in\?signedOut=password$/);
      expect(await app.call("/oauth2/introspect", { token })).toEqual({ active: false });

      await signIn(page, email, "a brand new passphrase 8");
      await page.goto("/account/authorized");
      await expect(page.getByText("You have not authorized any application.")).toBeVisible(); // the consent went too: the box was ticked
    });

    test("sign out everywhere ends the session in every other browser too", async ({ page, browser }) => {
      const { email, password } = await signUp(page);
      const other = await browser.newContext({ viewport });
      const otherPage = await other.newPage();
      await signIn(otherPage, email, password);
      await expect(otherPage).toHaveURL(/\/apps$/);

      await openAccount(page);
      await page.getByRole("button", { name: "Sign out everywhere" }).click();
      await expect(page).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
      await expect(page.getByRole("status")).toHaveText(/signed out on every device/);

      await otherPage.goto("/apps");
      await expect(otherPage).toHaveURL(/\/sign-in/);
      expect((await otherPage.request.get("/api/apps")).status()).toBe(401);
      await other.close();
    });
  });
}

test("a session cookie copied before sign-out stops working after it", async ({ page, browser }) => {
  await signUp(page);
  const thief = await browser.newContext();
  await thief.addCookies(await page.context().cookies());
  expect((await thief.request.get("/api/apps")).status()).toBe(200);

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/sign-in"));

  expect((await thief.request.get("/api/apps")).status()).toBe(401);
  await thief.close();
});

test("the account page has no serious accessibility violations, on a phone too", async ({ page }) => {
  await signUp(page);
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto("/account");
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  }
});
