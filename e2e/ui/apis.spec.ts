import AxeBuilder from "@axe-core/playwright";
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { BLOCKED_STICKS } from "../../lib/subscriptions/blocked.shared";
import { ADMIN, expect, expectNoHorizontalScroll, signIn, signUp, test } from "../fixtures";
import { adminApi, freePort, PROPAGATION_BUDGET_MS, startGatewayProcess, startUpstream } from "./gateway-process";

// Issue 11 as people see it: an admin publishes an API with two tiers and approval on; a subscriber
// finds it, reads its docs, subscribes (pending), is approved, calls it through a running reference
// gateway process (200), exceeds the tier (429), unsubscribes and is refused there within 2 s while
// another subscribed API still answers; the admin retires that one and the subscriber sees it.

const OPENAPI = JSON.stringify({
  openapi: "3.0.3",
  info: { title: "Forecast", version: "1" },
  paths: { "/today": { get: { summary: "Today's forecast", responses: { "200": { description: "the forecast" } } } } },
});

test.describe("APIs, subscriptions and tiers", () => {
  let gateway: ChildProcess | undefined;
  let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;
  test.afterEach(async () => {
    gateway?.kill();
    await upstream?.close();
  });

  test("an admin publishes an API, a subscriber subscribes, calls it through the gateway, hits the tier, unsubscribes", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const tag = randomUUID().slice(0, 6);
    const gwPort = await freePort();
    upstream = await startUpstream();
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);

    // The admin defines two tiers and publishes an API offering both, with approval on.
    await admin.goto("/admin/apis");
    for (const [name, rpm] of [
      [`Gold-${tag}`, "600"],
      [`Bronze-${tag}`, "2"],
    ]) {
      await admin.getByLabel("Tier name").fill(name);
      await admin.getByLabel("Requests per minute").fill(rpm);
      await admin.getByRole("button", { name: "Add tier" }).click();
      await expect(admin.getByRole("list", { name: "Tiers" })).toContainText(name);
    }
    await admin.getByLabel("Name", { exact: true }).fill(`Forecast ${tag}`);
    await admin.getByLabel("Context", { exact: true }).fill(`weather-${tag}`);
    await admin.getByLabel("Version", { exact: true }).fill("v1");
    await admin.getByLabel("Gateway URL").fill(`http://127.0.0.1:${gwPort}`);
    await admin.getByLabel(`Gold-${tag}`).check();
    await admin.getByLabel(`Bronze-${tag}`).check();
    await admin.getByLabel("Subscriptions need an admin's approval").check();
    await admin.getByLabel("OpenAPI document (JSON or YAML, 3.x)").fill(OPENAPI);
    await admin.getByRole("button", { name: "Save draft" }).click();
    await expect(admin.getByText("Enter a path such as /weather")).toBeVisible(); // the context must be a path: nothing saved
    await admin.getByLabel("Context", { exact: true }).fill(`/weather-${tag}`);
    await admin.getByRole("button", { name: "Save draft" }).click();
    const forecast = admin.getByRole("region", { name: `Forecast ${tag}` });
    await expect(forecast).toContainText("draft");
    await forecast.getByRole("button", { name: /Publish/ }).click();
    await expect(forecast).toContainText("published");

    // A second API with no approval, and the gateway (registered, then started as its own process).
    const maps = await adminApi<{ id: string }>(admin, "/api/admin/apis", {
      name: `Maps ${tag}`,
      context: `/maps-${tag}`,
      version: "v1",
      gatewayUrl: `http://127.0.0.1:${gwPort}`,
      tiers: [`Gold-${tag}`],
    });
    await adminApi(admin, `/api/admin/apis/${maps.id}/lifecycle`, { action: "publish" });
    const registered = await adminApi<{ gateway: { id: string }; clientId: string; clientSecret: string; signingSecret: string }>(
      admin,
      "/api/admin/gateways",
      {
        name: `apis-${tag}`,
        revokeUrl: `http://127.0.0.1:${gwPort}/portcullis/revoke`,
      },
    );
    gateway = await startGatewayProcess(gwPort, registered, [`/weather-${tag}:v1=${upstream.url}`, `/maps-${tag}:v1=${upstream.url}`]);

    // The subscriber finds it in the catalog, reads its rendered docs and subscribes an application: pending.
    const page = await (await browser.newContext()).newPage();
    await signUp(page);
    await page.goto("/apps/new");
    await page.getByLabel("Name", { exact: true }).fill("Forecast board");
    await page.getByRole("button", { name: "Create application" }).click();
    await page.getByRole("link", { name: /open the application/ }).click();
    await expect(page.getByRole("heading", { name: "Forecast board", level: 1 })).toBeVisible();
    const appUrl = page.url().split("?")[0];
    await page.goto("/apis");
    await page.getByRole("searchbox", { name: "Search" }).fill(`Maps ${tag}`);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: `Maps ${tag} v1` }).click();
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("list", { name: "Your subscriptions to this API" })).toContainText("active");
    await page.goto(`/apis?q=${encodeURIComponent(`Forecast ${tag}`)}`);
    await page.getByRole("link", { name: `Forecast ${tag} v1` }).click();
    await expect(page.getByTestId("openapi-docs")).toContainText("/today");
    await page.getByLabel("Tier", { exact: true }).selectOption(`Bronze-${tag}`);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("list", { name: "Your subscriptions to this API" })).toContainText("pending");

    // The admin approves.
    await admin.goto("/admin/subscriptions");
    await admin
      .getByRole("listitem")
      .filter({ hasText: `Forecast ${tag}` })
      .getByRole("button", { name: /Approve/ })
      .click();
    await expect(admin.getByText(`Forecast ${tag}`)).toBeHidden();

    // The subscriber generates a token; the snippet names the gateway and the API's context.
    await page.goto(`${appUrl}?tab=tokens`);
    await page.getByRole("button", { name: "Generate access token" }).click();
    const reveal = page.getByTestId("token-reveal");
    const token = (await reveal.getByLabel("Access token", { exact: true }).textContent())!;
    await expect(reveal).toContainText(`http://127.0.0.1:${gwPort}/weather-${tag}/v1/`);
    const call = (api: string) =>
      fetch(`http://127.0.0.1:${gwPort}/${api}-${tag}/v1/today`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call("weather")).status).toBe(200);
    expect((await call("weather")).status).toBe(200);
    const limited = await call("weather"); // Bronze: 2 a minute
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);

    // Unsubscribing: refused at the gateway for that API within 2 s; the other API still answers.
    await page.goto(`${appUrl}?tab=subscriptions`);
    await page.getByRole("button", { name: `Unsubscribe from Forecast ${tag} v1` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Unsubscribe" }).click();
    const since = Date.now();
    await expect.poll(async () => (await call("weather")).status, { timeout: PROPAGATION_BUDGET_MS, intervals: [20] }).toBe(401);
    expect(Date.now() - since).toBeLessThan(PROPAGATION_BUDGET_MS);
    expect((await call("maps")).status).toBe(200);

    // The admin retires Maps; the subscriber sees it ended, and the gateway refuses it.
    admin.once("dialog", (d) => void d.accept());
    await admin.goto("/admin/apis");
    await admin
      .getByRole("region", { name: `Maps ${tag}` })
      .getByRole("button", { name: /Retire/ })
      .click();
    await expect(admin.getByRole("region", { name: `Maps ${tag}` })).toContainText("retired");
    await page.reload();
    await expect(page.getByRole("list", { name: "Subscriptions" })).toContainText("The API is retired");
    await expect.poll(async () => (await call("maps")).status, { timeout: PROPAGATION_BUDGET_MS, intervals: [20] }).toBe(401);
    await admin.evaluate((id) => fetch(`/api/admin/gateways/${id}`, { method: "DELETE" }), registered.gateway.id);
  });

  test("a blocked subscription stays: no Unsubscribe, and subscribing again says why @phone", async ({ browser, page }) => {
    test.setTimeout(120_000);
    const tag = randomUUID().slice(0, 6);
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    for (const [name, rpm] of [
      [`Low-${tag}`, 2],
      [`High-${tag}`, 600],
    ] as const)
      await adminApi(admin, "/api/admin/tiers", { name, requestsPerMinute: rpm });
    const api = await adminApi<{ id: string }>(admin, "/api/admin/apis", {
      name: `Tides ${tag}`,
      context: `/tides-${tag}`,
      version: "v1",
      tiers: [`Low-${tag}`, `High-${tag}`],
    });
    await adminApi(admin, `/api/admin/apis/${api.id}/lifecycle`, { action: "publish" });

    // The subscriber subscribes on the low tier (no approval needed); the admin blocks it.
    await signUp(page);
    await page.goto("/apps/new");
    await page.getByLabel("Name", { exact: true }).fill("Tide table");
    await page.getByRole("button", { name: "Create application" }).click();
    await page.getByRole("link", { name: /open the application/ }).click();
    await expect(page.getByRole("heading", { name: "Tide table", level: 1 })).toBeVisible();
    const appUrl = page.url().split("?")[0];
    await page.goto(`/apis/${api.id}`);
    await page.getByLabel("Tier", { exact: true }).selectOption(`Low-${tag}`);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("list", { name: "Your subscriptions to this API" })).toContainText("active");
    const [sub] = await adminApi<{ id: string }[]>(page, `/api/apps/${appUrl.split("/").pop()}/subscriptions`);
    expect(await adminApi(admin, `/api/admin/subscriptions/${sub.id}`, { action: "block", reason: "abuse" })).toEqual({
      status: "blocked",
    });

    // Its Subscriptions tab says it is blocked and offers no way to remove it.
    await page.goto(`${appUrl}?tab=subscriptions`);
    const row = page
      .getByRole("list", { name: "Subscriptions" })
      .getByRole("listitem")
      .filter({ hasText: `Tides ${tag}` });
    await expect(row).toContainText("blocked");
    await expect(row).toContainText(BLOCKED_STICKS);
    await expect(row.getByRole("button", { name: /Unsubscribe/ })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    const { violations } = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // Subscribing the application again, on the higher tier, is refused with the same reason at the field.
    await page.goto(`/apis/${api.id}`);
    await page.getByLabel("Tier", { exact: true }).selectOption(`High-${tag}`);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByText(BLOCKED_STICKS)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.reload();
    await expect(page.getByRole("list", { name: "Your subscriptions to this API" })).toContainText(`blocked Low-${tag}`);
  });

  test("Admin → APIs: Tiers come first; a gateway URL without its scheme and a fractional limit get messages that say what is wrong, from the API too", async ({
    page,
  }) => {
    const tag = randomUUID().slice(0, 6);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto("/admin/apis");
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toContain("Tiers");
    expect(headings.indexOf("Tiers"), headings.join(" | ")).toBeLessThan(headings.indexOf("Add an API version"));

    // The tier form: 1.5 a minute or a day is not a whole number; nothing is saved.
    await page.getByLabel("Tier name").fill(`Half-${tag}`);
    await page.getByLabel("Requests per minute").fill("1.5");
    await page.getByLabel("Daily quota (optional)").fill("2.5");
    await page.getByRole("button", { name: "Add tier" }).click();
    await expect(page.getByLabel("Requests per minute")).toHaveAccessibleDescription("A whole number of requests per minute.");
    await expect(page.getByLabel("Daily quota (optional)")).toHaveAccessibleDescription("A whole number of requests a day.");
    await expect(page.getByRole("list", { name: "Tiers" })).not.toContainText(`Half-${tag}`);

    // The API form: a host alone is not a URL.
    await page.getByLabel("Name", { exact: true }).fill(`Schemeless ${tag}`);
    await page.getByLabel("Context", { exact: true }).fill(`/schemeless-${tag}`);
    await page.getByLabel("Version", { exact: true }).fill("v1");
    await page.getByLabel("Gateway URL").fill("gw.example.com");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByLabel("Gateway URL")).toHaveAccessibleDescription(/Include the scheme, e\.g\. https:\/\/gw\.example\.com/);

    // The API answers the same field messages (422), for a client that skipped the form.
    const post = (url: string, body: unknown) =>
      page.evaluate(
        async ({ url, body }) => {
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
          return { status: res.status, body: await res.json() };
        },
        { url, body },
      );
    const api = await post("/api/admin/apis", {
      name: "x",
      context: `/schemeless-${tag}`,
      version: "v1",
      gatewayUrl: "gw.example.com",
      tiers: ["x"],
    });
    expect(api.status).toBe(422);
    expect(api.body.error.fields.gatewayUrl).toEqual(["Include the scheme, e.g. https://gw.example.com."]);
    const tier = await post("/api/admin/tiers", { name: `Half-${tag}`, requestsPerMinute: 1.5, dailyQuota: 1.5 });
    expect(tier.status).toBe(422);
    expect(tier.body.error.fields).toEqual({
      requestsPerMinute: ["A whole number of requests per minute."],
      dailyQuota: ["A whole number of requests a day."],
    });
  });

  test("subscription cards: a pending one offers Withdraw request, each links to its docs, and both ask first, naming the API @phone", async ({
    browser,
    page,
  }) => {
    const tag = randomUUID().slice(0, 6);
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    await adminApi(admin, "/api/admin/tiers", { name: `Std-${tag}`, requestsPerMinute: 60 });
    const apis: Record<string, { id: string }> = {};
    for (const [name, approvalRequired] of [
      [`Ledger ${tag}`, true],
      [`Rates ${tag}`, false],
    ] as const) {
      apis[name] = await adminApi<{ id: string }>(admin, "/api/admin/apis", {
        name,
        context: `/${name.toLowerCase().replace(" ", "-")}`,
        version: "v1",
        tiers: [`Std-${tag}`],
        approvalRequired,
      });
      await adminApi(admin, `/api/admin/apis/${apis[name].id}/lifecycle`, { action: "publish" });
    }

    await signUp(page);
    await page.goto("/apps/new");
    await page.getByLabel("Name", { exact: true }).fill("Ledger client");
    await page.getByRole("button", { name: "Create application" }).click();
    await page.getByRole("link", { name: /open the application/ }).click();
    await expect(page.getByRole("heading", { name: "Ledger client", level: 1 })).toBeVisible();
    const appUrl = page.url().split("?")[0];
    for (const name of [`Ledger ${tag}`, `Rates ${tag}`]) {
      await page.goto(`/apis/${apis[name].id}`);
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByRole("list", { name: "Your subscriptions to this API" })).toContainText(/pending|active/);
    }

    await page.goto(`${appUrl}?tab=subscriptions`);
    const card = (name: string) => page.getByRole("list", { name: "Subscriptions" }).getByRole("listitem").filter({ hasText: name });
    const ledger = card(`Ledger ${tag}`);
    await expect(ledger).toContainText("pending");
    await expect(ledger.getByRole("button", { name: /Unsubscribe/ })).toHaveCount(0);
    await expect(ledger.getByRole("link", { name: `Docs for Ledger ${tag} v1` })).toHaveAttribute(
      "href",
      `/apis/${apis[`Ledger ${tag}`].id}#docs`,
    );
    await expect(card(`Rates ${tag}`).getByRole("link", { name: `Docs for Rates ${tag} v1` })).toBeVisible();

    // Withdraw asks first; Cancel leaves the request as it was.
    await ledger.getByRole("button", { name: `Withdraw request for Ledger ${tag} v1` }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Ledger ${tag} v1`);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await page.reload();
    await expect(ledger).toContainText("pending");
    await ledger.getByRole("button", { name: `Withdraw request for Ledger ${tag} v1` }).click();
    await confirm.getByRole("button", { name: "Withdraw request" }).click();
    await expect(ledger).toHaveCount(0);

    // Unsubscribe names the API and what stops working before it acts.
    const rates = card(`Rates ${tag}`);
    await rates.getByRole("button", { name: `Unsubscribe from Rates ${tag} v1` }).click();
    await expect(confirm).toContainText(`Rates ${tag} v1`);
    await expect(confirm).toContainText("refused");
    await expectNoHorizontalScroll(page);
    await confirm.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(rates).toHaveCount(0);
    await expect(page.getByText("No subscriptions yet.")).toBeVisible();
  });

  test("the catalog searches and filters, and fits a phone @phone", async ({ page }) => {
    await signUp(page);
    await page.goto("/apis");
    await expect(page.getByRole("heading", { name: "API catalog" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill("no-such-api-anywhere");
    await page.getByLabel("State").selectOption("deprecated");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=no-such-api-anywhere&status=deprecated/);
    await expect(page.getByText("No API matches.")).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
