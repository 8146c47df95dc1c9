import { defineConfig, devices } from "@playwright/test";
import { Agent, setGlobalDispatcher } from "undici";

// The tests' own calls (Node's fetch, in every worker: this file loads there too) keep an idle connection 4 s at
// most. The server's Keep-Alive hint says 65 s, and fetch trusts it to within a second: a worker whose event loop a
// synchronous CLI call (spawnSync) held past that second sent its POST on a socket the server had just closed —
// "TypeError: fetch failed" in a clean clone's PostgreSQL pass, after ~65 s between two calls of one worker.
setGlobalDispatcher(new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 4_000 }));

// E2E runs against the compiled server (`npm run build` first), started as `npm start` starts it, on its own port and database.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/e2e-${PORT}`, // per port, so parallel runs never clean each other's artifacts
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    // Desktop at 1440×900 runs every browser test; the phone project reruns those tagged @phone at 390×844
    // (the same specs, not copies), so the run grows only by the flows that differ on a phone.
    { name: "ui", testDir: "e2e/ui", use: { ...devices["Desktop Chrome"], channel: undefined, viewport: { width: 1440, height: 900 } } },
    {
      name: "ui-phone",
      testDir: "e2e/ui",
      grep: /@phone/,
      use: { ...devices["Desktop Chrome"], channel: undefined, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    // The newcomer's first run: its spec starts `npm run dev` itself on a port of its own (the server below is not
    // involved), last, so that its compiles do not share the cores with the timed checks of the other projects.
    {
      name: "dev-server",
      testDir: "e2e/dev",
      dependencies: ["api", "ui", "ui-phone"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  webServer: {
    command: "node dist/server.mjs",
    url: `${BASE_URL}/api/health`,
    // Never by default: a server already on the port may be another checkout's (a clean clone's CI run), whose
    // build and database these tests would then use and disturb. E2E_REUSE_SERVER=1 reuses one you started.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    timeout: 120_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      PORTCULLIS_ISSUER: BASE_URL,
      NEXTAUTH_URL: BASE_URL,
      DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/e2e.db",
      ADMIN_EMAIL: "admin@e2e.test",
      ADMIN_PASSWORD: "admin-e2e-password",
      PORTCULLIS_SIGNUP_LIMIT: "1000", // every test signs up from 127.0.0.1
      PORTCULLIS_WORKERS: "2", // the production shape: every flow crosses workers, as behind a real server's cluster
      PORTCULLIS_USAGE_FLUSH_MS: "1000", // last-used times show within a second instead of a minute
      PORTCULLIS_CANARY_TIMEOUT_MS: "3000", // a canary against a gateway that keeps admitting gives up in 3 s, not 10
    },
  },
});
