import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { BASE_URL } from "../../playwright.config";
import { expect, signUp, test } from "../fixtures";

test("pages carry a nonce-based CSP and the other security headers, and run under it without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  const res = await page.goto("/sign-in");
  const headers = res!.headers();

  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const again = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(headers["content-security-policy"]); // a fresh nonce per request

  await signUp(page); // the sign-up form only works once React has hydrated under the policy
  await page.goto("/apps/new");
  await expect(page.getByRole("heading", { name: "New application" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a same-site page on another port cannot make a signed-in user's browser create an application", async ({ page }) => {
  await signUp(page);
  // The attacker's page: same site (127.0.0.1), another origin; an auto-submitted text/plain form whose body parses as JSON.
  const attacker = createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html" }).end(`<form method="POST" action="${BASE_URL}/api/apps" enctype="text/plain">
      <input name='{"name":"csrf-app","x":"' value='"}'></form><script>document.forms[0].submit()</script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const answer = page.waitForResponse((r) => r.url() === `${BASE_URL}/api/apps`);
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    expect((await answer).status()).toBe(403);
  } finally {
    attacker.close();
  }
  const apps = await page.evaluate(() => fetch("/api/apps").then((r) => r.json()));
  expect(apps).toMatchObject({ apps: [], total: 0 });
});
