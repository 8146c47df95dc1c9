import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export { expect };
export const test = base;

export const ADMIN = { email: "admin@e2e.test", password: "admin-e2e-password" } as const;

export type Credentials = { email: string; password: string };

/** A fresh address per call, so tests never collide on one database. */
export const uniqueEmail = (prefix = "user") => `${prefix}-${randomUUID().slice(0, 8)}@e2e.test`;

/** Creates an account through the sign-up form and waits until the user lands signed in. */
export async function signUp(
  page: Page,
  { email = uniqueEmail(), password = "correct-horse-battery" }: Partial<Credentials> = {},
): Promise<Credentials> {
  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-"));

  return { email, password };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-"));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/sign-in"));
}

/** True in the phone project (390×844): some content folds into other columns there. */
export const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1440) < 640;

/** The page does not scroll sideways: nothing is wider than the window. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Nothing scrolls sideways and axe finds no serious or critical violation. `exclude`: a selector left out of
 * the scan, e.g. the toaster, whose toasts fade out (a scan mid-fade measures half-opaque text).
 */
export async function expectCleanPage(page: Page, { exclude }: { exclude?: string } = {}) {
  await expectNoHorizontalScroll(page);
  const axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  const { violations } = await (exclude ? axe.exclude(exclude) : axe).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
