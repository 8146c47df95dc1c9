// npm run bench:cli — the compiled `portcullis` command as an operator's script calls it: from the call
// to its exit, and to a gateway's receipt of the signed notice for every kind of command that sends one.
// One gateway (a real HTTP receiver on loopback), a fresh database, BENCH_ROUNDS calls each (default 5,
// the median is the figure). Builds dist/ first (a second). Prints a table; asserts nothing.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
process.env.DATABASE_URL ??= "file:./data/bench-cli/portcullis.db";
if (!process.env.DATABASE_URL.startsWith("postgres")) {
  rmSync("data/bench-cli", { recursive: true, force: true });
  mkdirSync("data/bench-cli", { recursive: true });
}
execFileSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "inherit" });

const { migrate } = await import("@/lib/data/db/migrate");
await migrate(process.env.DATABASE_URL);
const { hashToken } = await import("@/lib/base/hash-token");
const { createTestApi, createTestApp, createTestGateway, TEST_ADMIN } = await import("@/lib/testing/factories");
const { startNoticeReceiver } = await import("@/lib/testing/notice-receiver");
const { issueToken } = await import("@/lib/tokens/issue-token");
const { subscribe } = await import("@/lib/subscriptions/subscribe");

const receiver = await startNoticeReceiver();
await createTestGateway(receiver.url);
const api = await createTestApi();
const apiRef = `${api.ref.context}:${api.ref.version}`;

type Case = { name: string; prepare: () => Promise<{ args: string[]; notice?: string }> };
type Timing = { exitMs: number; receiptMs: number | null };

/** An application with one live token, subscribed to the API: what every notice-causing command acts on. */
async function liveApp() {
  const app = await createTestApp();
  const token = await issueToken({ clientId: app.clientId, subscriber: app.user.id });
  await subscribe({ actor: TEST_ADMIN, asAdmin: true, appId: app.app!.id, apiId: api.api.id, tier: api.gold.name });

  return { ...app, token: token.accessToken, hash: hashToken(token.accessToken) };
}

const CASES: Case[] = [
  { name: "portcullis --help", prepare: async () => ({ args: ["--help"] }) },
  {
    name: "tokens revoke",
    prepare: async () => {
      const app = await liveApp();
      return { args: ["tokens", "revoke", "--token", app.token], notice: app.hash };
    },
  },
  {
    name: "subscriptions remove",
    prepare: async () => {
      const app = await liveApp();
      return { args: ["subscriptions", "remove", "--client-id", app.clientId, "--api", apiRef], notice: `"client_id":"${app.clientId}"` };
    },
  },
  {
    name: "subscriptions block",
    prepare: async () => {
      const app = await liveApp();
      return { args: ["subscriptions", "block", "--client-id", app.clientId, "--api", apiRef], notice: `"client_id":"${app.clientId}"` };
    },
  },
  {
    name: "subscriptions change-tier",
    prepare: async () => {
      const app = await liveApp();
      const args = ["subscriptions", "change-tier", "--client-id", app.clientId, "--api", apiRef, "--tier", api.bronze.name];
      return { args, notice: `"client_id":"${app.clientId}"` };
    },
  },
  {
    name: "apps delete",
    prepare: async () => {
      const app = await liveApp();
      return { args: ["apps", "delete", "--client-id", app.clientId], notice: app.hash };
    },
  },
  {
    name: "users suspend",
    prepare: async () => {
      const app = await liveApp();
      return { args: ["users", "suspend", "--email", app.user.email], notice: app.hash };
    },
  },
];

async function timeOnce({ args, notice }: { args: string[]; notice?: string }): Promise<Timing> {
  const called = Date.now();
  const child = spawn(process.execPath, ["bin/portcullis.mjs", ...args, "--json"], {
    env: process.env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const exitMs = Date.now() - called;
  if (code !== 0) throw new Error(`portcullis ${args.join(" ")} exited with ${code}`);
  const receipt = notice === undefined ? undefined : receiver.received.find((n) => n.at >= called && n.body.includes(notice));

  return { exitMs, receiptMs: receipt ? receipt.at - called : null };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const rows: string[][] = [];
for (const c of CASES) {
  const timings: Timing[] = [];
  for (let i = 0; i < ROUNDS; i++) timings.push(await timeOnce(await c.prepare()));
  const exits = timings.map((t) => t.exitMs);
  const receipts = timings.flatMap((t) => (t.receiptMs === null ? [] : [t.receiptMs]));
  const missing = timings.length - receipts.length;
  rows.push([
    c.name,
    `${median(exits)}`,
    `${Math.max(...exits)}`,
    c.name.startsWith("portcullis") ? "—" : receipts.length ? `${median(receipts)}` : "none",
    c.name.startsWith("portcullis") ? "—" : missing ? `${missing} missing` : `${Math.max(...receipts)}`,
  ]);
}
await receiver.close();

const header = ["command (one gateway)", "exit p50 ms", "exit max ms", "receipt p50 ms", "receipt max ms"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
console.log(`\nportcullis (dist/cli.mjs on node ${process.version}), ${ROUNDS} calls each, ${process.env.DATABASE_URL.split(":")[0]}`);
console.log(line(header));
for (const row of rows) console.log(line(row));
process.exit(0);
