import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ADMIN, expect, isPhone, signIn, test } from "../fixtures";

// The key manager's validation cache as an admin sets it: on, with a TTL, on the token policy page;
// a TTL above the maximum access-token lifetime is refused on its field and nothing is saved.

const cacheForm = (page: Page) => page.getByRole("form", { name: "Validation cache" });
const ttlField = (page: Page) => cacheForm(page).getByLabel("Validation cache TTL", { exact: true });

async function setTtl(page: Page, amount: string, unit: string) {
  await ttlField(page).fill(amount);
  await cacheForm(page).getByLabel("Validation cache TTL: unit").selectOption(unit);
}

test("an admin turns the validation cache on with a TTL, after a TTL above the maximum lifetime is refused @phone", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/token-policy");
  const form = cacheForm(page);
  await form.getByRole("switch", { name: "Cache validation info in the key manager" }).check();
  await setTtl(page, "2", "days");
  await form.getByRole("button", { name: "Save validation cache" }).click();
  // The maximum named is whatever it is now: the token policy specs change it on this shared server.
  await expect(form.getByText(/^Must not be above the maximum access token lifetime \(.+\)\.$/)).toBeVisible();
  await expect(ttlField(page)).toHaveAttribute("aria-invalid", "true");
  if (isPhone(page)) return; // the desktop run saves: one writer of the setting at a time

  const { violations } = await new AxeBuilder({ page }).include("form[aria-label='Validation cache']").analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  // Nothing saved: the refused 2 days is not the TTL (whether the cache is on is the JWT specs' to say meanwhile).
  expect((await (await page.request.get("/api/admin/settings")).json()).validation_cache_ttl).not.toBe(String(2 * 86_400));

  await setTtl(page, "5", "minutes");
  await form.getByRole("button", { name: "Save validation cache" }).click();
  await expect(page.getByText("Validation cache on, in every portal instance.")).toBeVisible();
  await page.reload();
  await expect(cacheForm(page).getByRole("switch", { name: "Cache validation info in the key manager" })).toBeChecked();
  await expect(ttlField(page)).toHaveValue("5");
  // The TTL only: the JWT specs switch the cache itself on and off on this shared server meanwhile (seen once).
  expect(await (await page.request.get("/api/admin/settings")).json()).toMatchObject({ validation_cache_ttl: "300" });

  // Put it back for the other specs sharing this server.
  await cacheForm(page).getByRole("switch", { name: "Cache validation info in the key manager" }).uncheck();
  await cacheForm(page).getByRole("button", { name: "Save validation cache" }).click();
  await expect(page.getByText("Validation cache off, in every portal instance.")).toBeVisible();
});
