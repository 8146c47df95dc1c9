import { expect, test } from "@playwright/test";

// Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says.
test("GET /favicon.ico — 200 with an image", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\//);
  expect((await res.body()).length).toBeGreaterThan(0);
});
