import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createServer as createHttpServer, type Server } from "node:http";
import { BASE_URL } from "../../playwright.config";
import { createGateway, type Gateway } from "../../reference-gateway/create-gateway";
import { startEchoUpstream } from "../../reference-gateway/testing/echo-upstream";
import { ADMIN, expect, expectCleanPage, signIn, test } from "../fixtures";
import { freePort } from "./gateway-process";

// Issue 22, item 4 as an admin sees it: Verify on a gateway's card runs the canary through a healthy reference
// gateway (passed, with the refusal time) and through one whose revoke URL acknowledges notices it never
// acts on (the card turns red); a gateway without a canary URL says why it cannot be verified.

type Registered = { name: string; clientId: string; clientSecret: string; signingSecret: string };

async function addGateway(page: Page, { name, revokeUrl, canaryUrl }: { name: string; revokeUrl: string; canaryUrl?: string }) {
  await page.getByRole("button", { name: "Add gateway", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Revoke URL").fill(revokeUrl);
  if (canaryUrl) await dialog.getByLabel("Canary URL").fill(canaryUrl);
  await dialog.getByRole("button", { name: "Add gateway" }).click();
  const reveal = dialog.getByTestId("gateway-credentials-reveal");
  await expect(reveal).toContainText("you won't see them again");
  const value = async (label: string) => (await reveal.getByLabel(label, { exact: true }).textContent())!;
  const registered: Registered = {
    name,
    clientId: await value("Client ID"),
    clientSecret: await value("Client secret"),
    signingSecret: await value("Signing secret"),
  };
  await dialog.getByRole("button", { name: "I've saved the secrets" }).click();
  await expect(dialog).toBeHidden();

  return registered;
}

async function startGateway(g: Registered, port: number, upstream: string): Promise<Gateway> {
  const gateway = createGateway({ port, upstream, keyManager: BASE_URL, ...g, ttl: 300, quiet: true });
  await gateway.listen();

  return gateway;
}

/** A revoke URL that acknowledges every notice and does nothing with it. */
async function startDeafRevokeUrl(): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((req, res) => req.resume().on("end", () => res.writeHead(204).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/portcullis/revoke`, server };
}

test("@phone Verify runs the canary: a healthy gateway passes with its refusal time, a deaf one turns its card red", async ({ page }) => {
  test.setTimeout(120_000);
  const upstream = await startEchoUpstream();
  const deaf = await startDeafRevokeUrl();
  const running: Gateway[] = [];
  const prefix = `canary-${randomUUID().slice(0, 6)}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/gateways");
  await expect(page.getByRole("heading", { name: "Gateways", level: 1 })).toBeVisible();
  try {
    const none = await addGateway(page, { name: `${prefix}-none`, revokeUrl: "https://gw.example.com/portcullis/revoke" });
    const noneCard = page.getByRole("region", { name: none.name });
    await expect(noneCard.getByRole("button", { name: /Verify/ })).toBeDisabled();
    await expect(noneCard).toContainText("Add a canary URL (Edit) to verify this gateway.");

    const okPort = await freePort();
    const ok = await addGateway(page, {
      name: `${prefix}-ok`,
      revokeUrl: `http://127.0.0.1:${okPort}/portcullis/revoke`,
      canaryUrl: `http://127.0.0.1:${okPort}/_gateway/canary`,
    });
    running.push(await startGateway(ok, okPort, upstream.url));
    const okCard = page.getByRole("region", { name: ok.name });
    await expect(okCard.getByTestId("gateway-canary")).toHaveText("No canary run yet.");
    await okCard.getByRole("button", { name: /Verify/ }).click();
    await expect(okCard.getByTestId("verify-result")).toHaveText(/^Passed: refused [\d,]+ ms after the revocation\.$/);
    await expect(okCard.getByTestId("gateway-canary")).toContainText("Passed: refused");
    await expect(okCard.getByText("Admits revoked tokens")).toBeHidden();

    const deafPort = await freePort();
    const deafGw = await addGateway(page, {
      name: `${prefix}-deaf`,
      revokeUrl: deaf.url,
      canaryUrl: `http://127.0.0.1:${deafPort}/_gateway/canary`,
    });
    running.push(await startGateway(deafGw, deafPort, upstream.url));
    const deafCard = page.getByRole("region", { name: deafGw.name });
    await deafCard.getByRole("button", { name: /Verify/ }).click();
    await expect(deafCard.getByTestId("verify-result")).toHaveText("Running the canary…");
    await expect(deafCard.getByTestId("verify-result")).toHaveText("Acknowledged the revocation but kept admitting the revoked token.", {
      timeout: 20_000,
    });
    await expect(deafCard.getByText("Admits revoked tokens")).toBeVisible();
    await expect(deafCard.getByTestId("gateway-canary")).toContainText("acknowledged the notice; still HTTP 200");

    await expectCleanPage(page, { exclude: "[data-sonner-toaster]" }); // toasts fade out: a scan mid-fade measures half-opaque text (as apps.spec)

    // The dashboard charts each gateway's slowest refusal of the day, with the runs in its table.
    await page.goto("/admin");
    const chart = page.getByTestId("canary-chart").locator("..");
    await chart.getByText("Show the figures as a table").click();
    const table = page.getByRole("table", { name: "Canary runs per gateway and day" });
    await expect(table.getByRole("row").filter({ hasText: ok.name })).toHaveCount(1);
    await expect(table.getByRole("row").filter({ hasText: deafGw.name }).getByRole("cell")).toHaveText([/\w/, deafGw.name, "1", "1", "—"]); // not passed: no refusal
  } finally {
    await page.evaluate(async (p) => {
      const gateways: { id: string; name: string }[] = await (await fetch("/api/admin/gateways")).json();
      for (const g of gateways.filter((x) => x.name.startsWith(p))) await fetch(`/api/admin/gateways/${g.id}`, { method: "DELETE" });
    }, prefix);
    await Promise.all(running.map((g) => g.close()));
    await upstream.close();
    deaf.server.close();
  }
});

test("@phone an admin schedules the canary in minutes, gets a field error for a bad value, and turns it off", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/gateways");
  const form = page.getByRole("form", { name: "Scheduled canary" });
  const minutes = form.getByLabel("Run the canary every (minutes)");
  await expect(minutes).toHaveValue("0"); // off by default
  try {
    await minutes.fill("soon");
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(minutes).toHaveAccessibleDescription(/Enter whole minutes, or 0 for off\./);
    await minutes.fill("15");
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByText("The canary runs through every gateway every 15 min.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "Scheduled canary" }).getByLabel("Run the canary every (minutes)")).toHaveValue("15");
    const settings = await page.evaluate(async () => (await fetch("/api/admin/settings")).json());
    expect(settings.canary_interval).toBe("900");
  } finally {
    await page.getByRole("form", { name: "Scheduled canary" }).getByLabel("Run the canary every (minutes)").fill("0");
    await page.getByRole("form", { name: "Scheduled canary" }).getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByText("Scheduled canary off.")).toBeVisible(); // other specs' gateways are not verified behind their backs
  }
});
