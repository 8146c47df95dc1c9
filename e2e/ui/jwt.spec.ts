import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { BASE_URL } from "../../playwright.config";
import { ADMIN, expect, expectNoHorizontalScroll, signIn, signUp, test } from "../fixtures";
import { adminApi, freePort, PROPAGATION_BUDGET_MS, startGatewayProcess, startUpstream } from "./gateway-process";

// Issue 12's JWTs as people meet them: an owner switches an application to JWT access tokens and a
// gateway that validates JWTs itself refuses one within 2 s of its revocation in the browser;
// an admin turns JWT to the backend on for an API and the upstream verifies what the gateway forwards.

/** The project's device (phone or desktop) for a context this story opens itself. */
const device = () => {
  const { viewport, isMobile, hasTouch } = test.info().project.use;

  return { viewport, isMobile, hasTouch };
};

type Registered = { gateway: { id: string }; clientId: string; clientSecret: string; signingSecret: string };

/** Revokes a token from its row on the Tokens tab, as a person would; the gateway must refuse it within the budget. */
async function revokeAndExpectRefused(page: Page, token: string, call: () => Promise<Response>) {
  const row = page
    .getByRole("table", { name: "Tokens" })
    .getByRole("row")
    .filter({ hasText: `…${token.slice(-4)}` });
  await row.getByRole("button", { name: /Revoke token/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
  const revokedAt = Date.now();
  await expect.poll(async () => (await call()).status, { timeout: PROPAGATION_BUDGET_MS, intervals: [20] }).toBe(401);
  expect(Date.now() - revokedAt).toBeLessThan(PROPAGATION_BUDGET_MS);
  await expect(row).toContainText("Revoked");
}

const setValidationCache = (admin: Page, on: boolean) =>
  admin.evaluate(async (on) => {
    const res = await fetch("/api/admin/settings", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ change: { validation_cache: on, validation_cache_ttl: 300 } }),
    });
    if (!res.ok) throw new Error(`settings: ${res.status} ${await res.text()}`);
  }, on);

test("an admin rotates the signing key from the nav: a bad overlap is a field error, then both keys are published @phone", async ({
  page,
  request,
}) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Signing keys" }).click();
  await expect(page.getByRole("heading", { name: "Signing keys", level: 1 })).toBeVisible();
  const keys = page.getByRole("list", { name: "Signing keys" });
  await expect(keys.getByText("Signing", { exact: true })).toHaveCount(1);
  const form = page.getByRole("form", { name: "Rotate the signing key" });
  await form.getByLabel("Overlap (seconds)").fill("-5");
  await form.getByRole("button", { name: "Rotate key" }).click();
  await expect(form.getByText("At least 0 seconds.")).toBeVisible();
  await expect(form.getByLabel("Overlap (seconds)")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Overlap (seconds)").fill("600");
  await form.getByLabel("Algorithm").selectOption("RS256");
  await form.getByRole("button", { name: "Rotate key" }).click();
  await expect(page.getByText(/^New RS256 key .+ signs from/)).toBeVisible();
  await expect(keys.getByText("Next: signs shortly")).toHaveCount(1);
  await expect(keys.getByText("Signing", { exact: true })).toHaveCount(1); // the old key signs until every instance lists the new one
  const next = (await keys.getByRole("listitem").first().locator("code").textContent())!;
  const jwks = (await (await request.get("/oauth2/jwks")).json()) as { keys: { kid: string; alg: string }[] };
  expect(jwks.keys.find((k) => k.kid === next)).toMatchObject({ alg: "RS256" });
  expect(jwks.keys.length).toBeGreaterThanOrEqual(2);
  await expectNoHorizontalScroll(page);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.goto("/admin/activity");
  await expect(page.getByRole("table", { name: "All activity" })).toContainText("Rotated the JWT signing key");
});

test.describe("JWT access tokens and JWT to the backend", () => {
  let gateway: ChildProcess | undefined;
  let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;
  test.afterEach(async () => {
    gateway?.kill();
    await upstream?.close();
  });

  test("an owner switches to JWT access tokens; one revoked in the browser is refused by a local-validation gateway within 2 s @phone", async ({
    browser,
  }) => {
    test.setTimeout(180_000); // two browsers, a gateway and an upstream: two minutes on a busy 2-core machine
    const tag = randomUUID().slice(0, 6);
    const gwPort = await freePort();
    upstream = await startUpstream();
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    const registered = await adminApi<Registered>(admin, "/api/admin/gateways", {
      name: `jwt-local-${tag}`,
      revokeUrl: `http://127.0.0.1:${gwPort}/portcullis/revoke`,
    });
    gateway = await startGatewayProcess(gwPort, registered, [], ["--upstream", upstream.url, "--local-jwt"]);

    const page = await (await browser.newContext(device())).newPage();
    await signUp(page);
    await page.goto("/apps/new");
    await page.getByLabel("Name", { exact: true }).fill(`Ledger ${tag}`);
    await page.getByRole("button", { name: "Create application" }).click();
    await page.getByRole("link", { name: /open the application/ }).click();
    const format = page.getByRole("form", { name: "Access token format" });
    await format.getByLabel("Format").selectOption("jwt");
    await format.getByRole("button", { name: "Save format" }).click();
    await expect(page.getByText(`New access tokens of Ledger ${tag} are JWTs.`)).toBeVisible();
    await expectNoHorizontalScroll(page);

    await page.getByRole("tab", { name: "Tokens" }).click();
    await page.getByRole("button", { name: "Generate access token" }).click();
    const token = (await page.getByTestId("token-reveal").getByLabel("Access token", { exact: true }).textContent())!;
    expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(token).not.toContain("pcl_");
    const call = () => fetch(`http://127.0.0.1:${gwPort}/ledger`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);

    await revokeAndExpectRefused(page, token, call);
    const stats = (await (await fetch(`http://127.0.0.1:${gwPort}/_gateway/stats`)).json()) as { introspections: number };
    expect(stats.introspections).toBe(0); // validated against the JWKS, revoked by the notice
    await admin.evaluate((id) => fetch(`/api/admin/gateways/${id}`, { method: "DELETE" }), registered.gateway.id);
  });

  test("with the validation cache on, an admin turns JWT to the backend on; the upstream verifies it; a revocation in the browser is refused within 2 s @phone", async ({
    browser,
  }) => {
    test.setTimeout(180_000); // two browsers, a gateway and an upstream: two minutes on a busy 2-core machine
    const tag = randomUUID().slice(0, 6);
    const gwPort = await freePort();
    const jwks = createRemoteJWKSet(new URL(`${BASE_URL}/oauth2/jwks`));
    // The API's own server: it trusts only a JWT the key manager signed for it.
    upstream = await startUpstream(async (req) => {
      const assertion = req.headers["x-jwt-assertion"];
      if (typeof assertion !== "string") return { status: 401, body: { error: "no JWT from the gateway" } };
      try {
        const { payload } = await jwtVerify(assertion, jwks, { issuer: BASE_URL, audience: `/ledger-${tag}/v1` });
        return { status: 200, body: { caller: payload.sub, application: payload.application, tier: payload.tier } };
      } catch (err) {
        return { status: 401, body: { error: (err as Error).message } };
      }
    });
    const admin = await (await browser.newContext(device())).newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    // The key manager caches validation info, backend JWTs included (issue 12): none of it may outlive a revocation.
    await setValidationCache(admin, true);
    await adminApi(admin, "/api/admin/tiers", { name: `Silver-${tag}`, requestsPerMinute: 600 });
    const api = await adminApi<{ id: string }>(admin, "/api/admin/apis", {
      name: `Ledger ${tag}`,
      context: `/ledger-${tag}`,
      version: "v1",
      gatewayUrl: `http://127.0.0.1:${gwPort}`,
      tiers: [`Silver-${tag}`],
    });
    await adminApi(admin, `/api/admin/apis/${api.id}/lifecycle`, { action: "publish" });
    const registered = await adminApi<Registered>(admin, "/api/admin/gateways", {
      name: `jwt-backend-${tag}`,
      revokeUrl: `http://127.0.0.1:${gwPort}/portcullis/revoke`,
    });
    gateway = await startGatewayProcess(gwPort, registered, [`/ledger-${tag}:v1=${upstream.url}`]);

    // A subscriber subscribes an application and generates a token.
    const page = await (await browser.newContext()).newPage();
    await signUp(page);
    await page.goto("/apps/new");
    await page.getByLabel("Name", { exact: true }).fill(`Books ${tag}`);
    await page.getByRole("button", { name: "Create application" }).click();
    await page.getByRole("link", { name: /open the application/ }).click();
    await expect(page.getByRole("heading", { name: `Books ${tag}`, level: 1 })).toBeVisible();
    const appUrl = page.url().split("?")[0];
    await page.goto(`/apis?q=${encodeURIComponent(`Ledger ${tag}`)}`);
    await page.getByRole("link", { name: `Ledger ${tag} v1` }).click();
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("list", { name: "Your subscriptions to this API" })).toContainText("active");
    await page.goto(`${appUrl}?tab=tokens`);
    await page.getByRole("button", { name: "Generate access token" }).click();
    const token = (await page.getByTestId("token-reveal").getByLabel("Access token", { exact: true }).textContent())!;
    const call = () => fetch(`http://127.0.0.1:${gwPort}/ledger-${tag}/v1/balance`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(401); // the upstream refuses: no JWT to the backend yet

    // The admin turns it on for this API version on Admin → APIs.
    await admin.goto("/admin/apis");
    await admin.getByLabel(`JWT to the backend for Ledger ${tag} v1`).selectOption("on");
    await expect(admin.getByText(`JWT to the backend for Ledger ${tag} v1: On.`)).toBeVisible();
    await expectNoHorizontalScroll(admin);
    // The gateway dropped the answer it had cached (subscription.changed) and forwards the signed JWT now.
    await expect.poll(async () => (await call()).status, { timeout: 2_000, intervals: [50] }).toBe(200);
    const body = (await (await call()).json()) as { caller: string; application: { name: string }; tier: string };
    expect(body).toMatchObject({ application: { name: `Books ${tag}` }, tier: `Silver-${tag}` });
    expect(body.caller).toMatch(/^pcl_ci_/);

    // The subscriber revokes the token in the browser: the gateway refuses it within 2 s, and the key
    // manager's answer for this API (cached a moment ago) is inactive.
    await revokeAndExpectRefused(page, token, call);
    const introspection = await fetch(`${BASE_URL}/oauth2/introspect`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${registered.clientId}:${registered.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ token, api_context: `/ledger-${tag}`, api_version: "v1" }),
    });
    expect(await introspection.json()).toEqual({ active: false });
    await admin.evaluate((id) => fetch(`/api/admin/gateways/${id}`, { method: "DELETE" }), registered.gateway.id);
    await setValidationCache(admin, false); // back to the default for the specs sharing this server
  });
});
