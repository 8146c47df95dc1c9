import { randomUUID } from "node:crypto";
import { cli, registerClient } from "../api/cli";
import { ADMIN, expect, expectCleanPage, signIn, test } from "../fixtures";

// Issue 26 M3: a privileged scope is refused at the token endpoint until an admin grants it to the
// application on its page, and refused again once withdrawn.

test("an admin grants a privileged scope to an application, and withdraws it @phone", async ({ page }) => {
  test.setTimeout(120_000); // three CLI processes make the scope and the application, a few seconds each
  const scope = `reports:admin.${randomUUID().slice(0, 6)}`;
  cli("scopes", "create", "--name", scope, "--description", "Read every subscriber's reports", "--privileged");
  const { clientId, clientSecret, email } = registerClient();
  const askForScope = async () => {
    const res = await page.request.post("/oauth2/token", {
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
      form: { grant_type: "client_credentials", scope },
    });

    return { status: res.status(), body: (await res.json()) as Record<string, string> };
  };
  expect(await askForScope()).toMatchObject({ status: 400, body: { error: "invalid_scope" } });

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/apps");
  await page.getByLabel("Name or owner's email").fill(email);
  await expect(page.getByTestId("list-count")).toHaveText("1 application");
  await page.getByRole("link", { name: "API e2e" }).click();
  const card = page.getByRole("list", { name: "Privileged scopes" });
  const row = card.getByRole("listitem").filter({ hasText: scope });
  await expect(row).toContainText("Not granted");
  await expectCleanPage(page);

  await row.getByRole("button", { name: `Grant ${scope}` }).click();
  await expect(row).toContainText("Granted");
  await expect(row.getByRole("button", { name: `Withdraw ${scope}` })).toBeVisible();
  expect(await askForScope()).toMatchObject({ status: 200, body: { scope } });
  await expectCleanPage(page);

  await row.getByRole("button", { name: `Withdraw ${scope}` }).click();
  await expect(row).toContainText("Not granted");
  expect(await askForScope()).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page.getByRole("table", { name: "Application activity" })).toContainText("Withdrew a privileged scope");
});
