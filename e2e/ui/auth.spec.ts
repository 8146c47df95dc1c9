import { ADMIN, expect, signIn, signOut, signUp, test, uniqueEmail } from "../fixtures";

test("sign up, sign out and sign in again", async ({ page }) => {
  const { email, password } = await signUp(page);
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole("button", { name: /Account menu/ })).toContainText(email);

  await signOut(page);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("sign-up shows a message next to each field that needs attention", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);

  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email", { exact: true })).toHaveAccessibleDescription("Enter a valid email address.");
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  // The server's verdict lands on the field too.
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
});

test("a wrong password and an unknown email get the same generic error", async ({ page }) => {
  const { email } = await signUp(page);
  await signOut(page);

  for (const [address, password] of [
    [email, "wrong-password-123"],
    [uniqueEmail("nobody"), "wrong-password-123"],
  ]) {
    await page.getByLabel("Email", { exact: true }).fill(address);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test("a subscriber opening /admin gets a 404 that shows no admin data", async ({ page }) => {
  await signUp(page);
  const res = await page.goto("/admin");

  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Active tokens")).toHaveCount(0);
});

test("an admin is sent back to /admin after signing in and sees the overview", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
  await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  await expect(page.getByText("Active tokens")).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Open the activity trail" })).toHaveAttribute("href", "/admin/activity");
});

test("after 10 failed sign-ins from one address, that address is refused for a while, with a clear message", async ({ page }) => {
  const { email, password } = await signUp(page);
  await signOut(page);
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  for (let i = 0; i < 10; i++) {
    const form = { csrfToken, email, password: `wrong-password-${i}`, json: "true" };
    expect((await page.request.post("/api/auth/callback/credentials", { form })).status()).toBeLessThan(500);
  }

  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many attempts, try again in 1[45] minutes\.$/);
});

test("sign-in at an address other than the issuer's says so, in production too", async ({ page, baseURL }) => {
  const issuer = new URL(baseURL!);
  const elsewhere = `http://localhost:${issuer.port}`; // the same server under another name: not its origin in production
  await page.goto(`${elsewhere}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    `This page's address (${elsewhere}) does not match PORTCULLIS_ISSUER=${issuer.origin}. Open ${issuer.origin}, or set PORTCULLIS_ISSUER to the address you use.`,
  );
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("a field's error goes as soon as its value changes; the other fields' stay until the next submit", async ({ page }) => {
  await page.goto("/sign-up");
  const email = page.getByLabel("Email", { exact: true });
  const password = page.getByLabel("Password", { exact: true });
  await email.fill("not-an-email");
  await password.fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await email.fill("still-not-an-email");
  await expect(page.getByText("Enter a valid email address.")).toBeHidden();
  await expect(email).not.toHaveAttribute("aria-invalid");
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible(); // untouched: still said

  await page.getByRole("button", { name: "Create account" }).click(); // the next submit judges the edited field again
  await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
});
