import AxeBuilder from "@axe-core/playwright";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { cli } from "../api/cli";
import { expect, expectNoHorizontalScroll, signUp, test } from "../fixtures";
import { startOAuthClient } from "./oauth-client";

// Issue 26 as a person sees it: a self-registered application's broken request shows the portal's error page
// instead of sending the visitor off to the application (RFC 9700 §4.11.2), and prompt=consent asks again.

function authorizeUrl(clientId: string, redirectUri: string, extra: Record<string, string>) {
  const challenge = createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    state: "st",
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...extra,
  });

  return `/oauth2/authorize?${query}`;
}

function registerApp(redirectUri: string) {
  const owner = uniqueOwner();
  cli("users", "create", "--email", owner, "--password", "owner-e2e-password");
  const name = `Prompted ${randomUUID().slice(0, 6)}`;
  const app = cli<{ client_id: string }>("apps", "create", "--owner", owner, "--name", name, "--redirect-uri", redirectUri);

  return { name, clientId: app.client_id };
}
const uniqueOwner = () => `owner-${randomUUID().slice(0, 8)}@e2e.test`;

test("an anonymous visitor sent a broken request of a self-registered app sees the error page, not the app @phone", async ({ page }) => {
  const rp = await startOAuthClient();
  const app = registerApp(rp.redirectUri);
  await page.goto(authorizeUrl(app.clientId, rp.redirectUri, { scope: "a", prompt: "bogus" }));

  const alert = page.getByRole("alert").filter({ hasText: "This authorization request cannot be completed" });
  await expect(alert.getByRole("heading", { name: "This authorization request cannot be completed" })).toBeVisible();
  await expect(alert).toContainText("prompt may be none, login or consent");
  expect(new URL(page.url()).pathname).toBe("/oauth2/authorize");
  await expectNoHorizontalScroll(page);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations).toEqual([]);

  // The person may still choose to go back, and the application hears why.
  await alert.getByRole("link", { name: "Return to the application" }).click();
  await expect(page.getByRole("heading", { name: "Back at the client" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("error")).toBe("invalid_request");
  await rp.close();
});

test("prompt=consent shows the consent page again although the person approved before @phone", async ({ page }) => {
  const rp = await startOAuthClient();
  const app = registerApp(rp.redirectUri);
  await signUp(page);

  await page.goto(authorizeUrl(app.clientId, rp.redirectUri, {}));
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("heading", { name: "Back at the client" })).toBeVisible();
  // Remembered: straight back without a page.
  await page.goto(authorizeUrl(app.clientId, rp.redirectUri, {}));
  await expect(page.getByRole("heading", { name: "Back at the client" })).toBeVisible();

  await page.goto(authorizeUrl(app.clientId, rp.redirectUri, { prompt: "consent" }));
  await expect(page.getByRole("heading", { name: `Authorize ${app.name}?` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toBeInViewport();
  await expectNoHorizontalScroll(page);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations).toEqual([]);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("heading", { name: "Back at the client" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("code")).toMatch(/^pcl_ac_/);
  await rp.close();
});
