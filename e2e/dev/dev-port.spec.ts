import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { expect, test } from "../fixtures";

// The newcomer's first run: `PORT=3200 npm run dev` with nothing else configured. The issuer follows the
// port, and the page works under either loopback name a browser may show.
const PORT = Number(process.env.E2E_DEV_PORT ?? 3200);
const DATA = `data/e2e-dev-${PORT}`;
const ADMIN = { email: "admin@dev.test", password: "admin-dev-password" };

let server: ChildProcess;
let output = "";

// It never touches the suite's database: `npm run dev` runs on a SQLite file of its own, as a newcomer's does. The
// PostgreSQL pass would repeat the same run (minutes of compiling on two cores), so only the SQLite pass makes it.
test.skip(
  process.env.DATABASE_URL?.startsWith("postgres") === true,
  "the newcomer's first run is on the embedded database: the SQLite pass runs it",
);

test.beforeAll(async () => {
  test.setTimeout(300_000); // next dev compiles every route on first use; two loaded cores take minutes
  rmSync(DATA, { recursive: true, force: true });
  const { PORTCULLIS_ISSUER, NEXTAUTH_URL, HOSTNAME, ...inherited } = process.env; // nothing configured
  void [PORTCULLIS_ISSUER, NEXTAUTH_URL, HOSTNAME];
  server = spawn(process.execPath, ["--import", "tsx", "server.ts", "--dev"], {
    env: {
      ...inherited,
      NODE_ENV: "development", // what next dev sets for itself
      PORT: String(PORT),
      DATABASE_URL: `file:./${DATA}/portcullis.db`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (c) => (output += c));
  server.stderr!.on("data", (c) => (output += c));
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm run dev exited:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("npm run dev output", { body: output });
});

test.afterAll(async () => {
  if (server.exitCode !== null) return;
  server.kill("SIGTERM");
  await once(server, "exit");
});

for (const host of ["localhost", "127.0.0.1"]) {
  // Each name keeps its own pages (the front and the proxy take any loopback name of the port as the portal's own);
  // the first page is held until the warm-up has compiled the first pages (else Next's HMR client reloads it under the
  // typing); the button waits for React, so no click submits the form natively; and the first sign-in of a fresh
  // browser survives React's double effects in development (the session provider's two first reads each set a CSRF
  // cookie; the form asks again when next-auth refuses the stale token).
  test(`PORT=${PORT} npm run dev: sign-in works at http://${host}:${PORT}`, async ({ page }) => {
    test.setTimeout(360_000); // the first visit waits for the warm-up to compile the first pages; two loaded cores take minutes
    await page.goto(`http://${host}:${PORT}/apps`, { timeout: 300_000 });
    await expect(page).toHaveURL(`http://${host}:${PORT}/sign-in?callbackUrl=%2Fapps`);
    await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    // Whether the button was still pending when the sign-in page went away: it must not come back to life meanwhile.
    await page.evaluate(() =>
      window.addEventListener("pagehide", () => {
        const busy = document.querySelector("button[type=submit]")?.getAttribute("aria-busy") === "true";
        sessionStorage.setItem("busy when the sign-in page left", String(busy));
      }),
    );
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`http://${host}:${PORT}/apps`, { timeout: 180_000 });
    await expect(page.getByRole("button", { name: /Account menu/ })).toContainText(ADMIN.email, { timeout: 60_000 });
    expect(await page.evaluate(() => sessionStorage.getItem("busy when the sign-in page left"))).toBe("true");
  });
}
