import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ADMIN, expect, signIn, signUp, test } from "../fixtures";

// The token policy as people use it: the admin changes lifetimes in the browser and the very next
// token obeys; refresh tokens cannot be made immortal; a lower maximum is dry-run first. Other specs
// share this server, so the settings changed here are put back at the end.

test.describe.configure({ mode: "serial" });

type Creds = { clientId: string; clientSecret: string };
const basic = ({ clientId, clientSecret }: Creds) => `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
let original: Record<string, string>;

async function asAdmin(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);

  return page;
}

test.beforeAll(async ({ browser }) => {
  const admin = await asAdmin(browser);
  original = await (await admin.request.get("/api/admin/settings")).json();
  await admin.context().close();
});

test.afterAll(async ({ browser }) => {
  const admin = await asAdmin(browser);
  const res = await admin.request.patch("/api/admin/settings", { data: { change: original, confirmLongRefresh: true } });
  expect(res.status()).toBe(200);
  await admin.context().close();
});

async function introspect(request: APIRequestContext, creds: Creds, token: string) {
  const res = await request.post("/oauth2/introspect", { headers: { authorization: basic(creds) }, form: { token } });
  expect(res.status()).toBe(200);

  return (await res.json()) as { active: boolean; exp?: number };
}

async function createApp(page: Page, name: string): Promise<Creds> {
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

/** Generates in the browser; returns the token and the expiry the page shows. */
async function generate(page: Page, previous = "") {
  await page.getByRole("button", { name: "Generate access token" }).click();
  const reveal = page.getByTestId("token-reveal");
  await expect(reveal.getByLabel("Access token", { exact: true })).not.toHaveText(previous || "-");
  const token = (await reveal.getByLabel("Access token", { exact: true }).textContent())!;
  const expiresAt = (await reveal.locator("time").getAttribute("datetime"))!;

  return { token, expiresAt, reveal };
}

async function setDuration(page: Page, label: string, amount: string, unit: string) {
  await page.getByLabel(label, { exact: true }).fill(amount);
  await page.getByLabel(`${label}: unit`).selectOption(unit);
}

test("the admin sets the access lifetime to 10 minutes; the next browser token expires 10 minutes later, as introspection says", async ({
  page,
  browser,
  request,
}) => {
  const admin = await asAdmin(browser);
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Token policy" }).click();
  await expect(admin.getByRole("heading", { name: "Token policy", level: 1 })).toBeVisible();
  await setDuration(admin, "Default access token lifetime", "10", "minutes");
  await expect(admin.getByText("= 600 seconds")).toBeVisible();
  await admin.getByRole("button", { name: "Save token policy" }).click();
  await expect(admin.getByText("Token policy saved.")).toBeVisible();

  await signUp(page);
  const creds = await createApp(page, "Ten minutes");
  await page.getByRole("tab", { name: "Tokens" }).click();
  const before = Date.now();
  const { token, expiresAt, reveal } = await generate(page);
  await expect(reveal).toContainText("(in 10 minutes)");
  expect(Date.parse(expiresAt) - before).toBeGreaterThan(598_000);
  expect(Date.parse(expiresAt) - before).toBeLessThan(610_000);
  const answer = await introspect(request, creds, token);
  expect(answer).toMatchObject({ active: true, exp: Math.floor(Date.parse(expiresAt) / 1000) });

  // A shorter validity for one token; a longer one is refused on the field.
  await setDuration(page, "Validity of this token (optional)", "2", "minutes");
  const short = await generate(page, token);
  await expect(short.reveal).toContainText("(in 2 minutes)");
  expect((await introspect(request, creds, short.token)).exp).toBe(Math.floor(Date.parse(short.expiresAt) / 1000));
  await setDuration(page, "Validity of this token (optional)", "20", "minutes");
  await page.getByRole("button", { name: "Generate access token" }).click();
  await expect(page.getByText("At most 10 minutes.")).toHaveCount(1); // in the unit typed, once (no toast repeating it)
  await admin.context().close();
});

test("refresh tokens always expire: 0, never and over 90 days unconfirmed are refused with the reason; the API answers 400", async ({
  browser,
}) => {
  const admin = await asAdmin(browser);
  await admin.goto("/admin/token-policy");
  const explanation = /^Refresh tokens always expire: .+ would let a leaked token work forever\.$/;
  // Issue 23 B14: the retry window's default of 0 read "0 days".
  await expect(admin.getByLabel("Refresh token retry window", { exact: true })).toHaveValue("0");
  await expect(admin.getByLabel("Refresh token retry window: unit")).toHaveValue("seconds");

  await setDuration(admin, "Default refresh token lifetime", "0", "days");
  await admin.getByRole("button", { name: "Save token policy" }).click();
  await expect(admin.getByText(explanation)).toBeVisible();
  await expect(admin.getByLabel("Default refresh token lifetime", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await setDuration(admin, "Default refresh token lifetime", "never", "days");
  await admin.getByRole("button", { name: "Save token policy" }).click();
  await expect(admin.getByText(explanation)).toBeVisible();

  await setDuration(admin, "Default refresh token lifetime", "14", "days");
  await setDuration(admin, "Maximum refresh token lifetime", "120", "days");
  await expect(admin.getByLabel("Yes, refresh tokens may live longer than 90 days.")).toBeVisible();
  await admin.getByRole("button", { name: "Save token policy" }).click();
  await expect(admin.getByText("Over 90 days: confirm that refresh tokens should live this long.")).toBeVisible();

  for (const value of [0, -5, "never", 1.5]) {
    const res = await admin.request.patch("/api/admin/settings", { data: { change: { refresh_token_ttl: value } } });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty("refresh_token_ttl");
  }
  const res = await admin.request.patch("/api/admin/settings", { data: { change: { refresh_token_max_ttl: 120 * 86_400 } } });
  expect(res.status()).toBe(400);
  expect((await (await admin.request.get("/api/admin/settings")).json()).refresh_token_max_ttl).toBe(original.refresh_token_max_ttl); // nothing saved
  await admin.context().close();
});

test("an override above the maximum is refused; the dry run of a lower maximum counts the app's long-lived tokens, and shortening them changes their expiry", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000); // two people, four tokens and a dry run: over a minute on a busy 2-core machine
  const admin = await asAdmin(browser);
  await admin.goto("/admin/token-policy");
  await admin.getByRole("switch", { name: "Applications may set their own lifetimes" }).check();
  await admin.getByRole("button", { name: "Save token policy" }).click();
  await expect(admin.getByText("Token policy saved.")).toBeVisible();

  await signUp(page);
  const name = `Long-lived ${randomUUID().slice(0, 6)}`;
  const creds = await createApp(page, name);
  await page.getByRole("tab", { name: "Settings" }).click();
  await setDuration(page, "Access token lifetime", "3", "days");
  await page.getByRole("button", { name: "Save lifetimes" }).click();
  await expect(page.getByText("At most 1 day (86400 s), the maximum the admin allows.")).toBeVisible();
  await setDuration(page, "Access token lifetime", "12", "hours");
  await page.getByRole("button", { name: "Save lifetimes" }).click();
  await expect(page.getByText("Token lifetimes saved.")).toBeVisible();

  await page.getByRole("tab", { name: "Tokens" }).click();
  const long: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { token, reveal } = await generate(page, long.at(-1));
    await expect(reveal).toContainText("(in 720 minutes)");
    long.push(token);
  }
  await setDuration(page, "Validity of this token (optional)", "5", "minutes");
  const short = await generate(page, long.at(-1)); // outlives no lower maximum: not counted

  await admin.reload();
  await setDuration(admin, "Maximum access token lifetime", "2", "hours");
  await admin.getByRole("button", { name: "Save token policy" }).click();
  const dialog = admin.getByRole("dialog", { name: "Lower the maximum?" });
  await expect(dialog).toContainText(/active access tokens? would outlive the new maximum of 2 hours\./);
  await expect(dialog.getByRole("listitem").filter({ hasText: name })).toContainText("3 tokens");
  await dialog.getByRole("button", { name: "Also shorten existing tokens" }).click();
  await expect(admin.getByText(/Token policy saved; \d+ existing tokens? shortened/)).toBeVisible();

  const limit = Date.now() / 1000 + 2 * 3600;
  for (const token of long) {
    const { active, exp } = await introspect(request, creds, token);
    expect(active).toBe(true);
    expect(Math.abs(exp! - limit)).toBeLessThan(60);
  }
  expect((await introspect(request, creds, short.token)).exp).toBe(Math.floor(Date.parse(short.expiresAt) / 1000));
  await admin.context().close();
});

test("a subscriber gets 404 for /admin/token-policy and 403 with no data from the settings and stats APIs", async ({ page }) => {
  await signUp(page);
  expect((await page.goto("/admin/token-policy"))?.status()).toBe(404);
  await page.goto("/apps");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Token policy" })).toHaveCount(0);
  const forbidden = { error: { code: "forbidden", message: "Requires the admin role." } };
  const calls = [
    page.request.get("/api/admin/settings"),
    page.request.patch("/api/admin/settings", { data: { change: { access_token_ttl: 60 } } }),
    page.request.post("/api/admin/settings/preview", { data: { type: "access_token", maxTtl: 60 } }),
    page.request.post("/api/admin/settings/shorten", { data: { type: "access_token", maxTtl: 60 } }),
    page.request.get("/api/admin/stats"),
  ];
  for (const res of await Promise.all(calls)) {
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual(forbidden);
  }
});

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" "))}`),
  ).toEqual([]);
}

test("axe: the policy page (also with errors, and on a phone) and the dashboard with its chart table open", async ({ page }) => {
  test.setTimeout(120_000); // five scans, the last of a dashboard with three charts
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/token-policy");
  await expectNoSeriousViolations(page);
  await setDuration(page, "Default refresh token lifetime", "0", "days");
  await page.getByRole("button", { name: "Save token policy" }).click();
  await expect(page.getByText(/^Refresh tokens always expire: a lifetime of 0/)).toBeVisible();
  // Moving to the error scrolled fields partly under the sticky header, which axe counts as obscured targets:
  // scan the page with its errors from the top, as a person scrolling back would see it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoSeriousViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expectNoSeriousViolations(page);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Tokens by state" })).toBeVisible();
  await expect(page.getByText("Active tokens")).toBeVisible();
  await page.getByText("Show the figures as a table").first().click();
  await expect(page.getByRole("table", { name: "Tokens issued and revoked per day" }).getByRole("row")).toHaveCount(31);
  await expectNoSeriousViolations(page);
});
