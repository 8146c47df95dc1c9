// npm run bench — the key manager's hot paths under load, next to a bare node:http floor and
// oidc-provider, on this machine, with one load generator (autocannon, 50 connections).
// Needs a production build (`npm run build`; made here when missing). Prints a table; asserts nothing.
import autocannon from "autocannon";
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { waitFor } from "./wait-for";

const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PORTS = { portcullis: 3401, oidc: 3402, bare: 3403 };

process.env.DATABASE_URL ??= "file:./data/bench/portcullis.db";
if (!process.env.DATABASE_URL.startsWith("postgres")) {
  rmSync("data/bench", { recursive: true, force: true });
  mkdirSync("data/bench", { recursive: true });
}
// Imported after DATABASE_URL is settled: the store and Prisma read it once.
const { migrate } = await import("@/lib/db/migrate");
const { seedBenchClient } = await import("./seed");

type Target = { name: string; child: ChildProcess; tokens: string[]; base: string; paths: Record<string, string>; auth: string };
type Row = { scenario: string; target: string; rps: number; p50: number; p99: number; errors: number };

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const shuffle = <T>(xs: T[]) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};

function forkSeeded(script: string, port: number): Promise<{ child: ChildProcess; tokens: string[] }> {
  const child = fork(script, { env: { ...process.env, PORT: String(port), TOKENS: String(TOKENS), NODE_ENV: "production" } });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { tokens: string[] }) => resolve({ child, tokens: m.tokens }));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function load(target: Target, scenario: "issue" | "introspect" | "revoke", seconds = DURATION): Promise<Row> {
  const order = shuffle([...target.tokens]);
  let next = 0;
  const body =
    scenario === "issue"
      ? () => "grant_type=client_credentials"
      : scenario === "introspect"
        ? () => `token=${order[Math.floor(Math.random() * order.length)]}`
        : () => `token=${order[next++ % order.length]}`; // each revocation a distinct token
  const result = await autocannon({
    url: target.base + target.paths[scenario],
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: target.auth },
        setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }),
      },
    ],
  });

  return {
    scenario,
    target: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) spawnSyncInherit("npx", ["next", "build"]);
  await migrate(process.env.DATABASE_URL!);
  console.log(`seeding ${TOKENS.toLocaleString()} tokens per target…`);
  const seeded = await seedBenchClient(TOKENS);

  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = spawn(process.execPath, [...profile, "--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORTS.portcullis), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const [oidc, bare] = await Promise.all([
    forkSeeded("bench/oidc-provider-server.mjs", PORTS.oidc),
    forkSeeded("bench/bare-server.mjs", PORTS.bare),
  ]);
  await waitFor(`http://127.0.0.1:${PORTS.portcullis}/api/health`);

  const targets: Record<string, Target> = {
    portcullis: {
      name: "portcullis",
      child: server,
      tokens: seeded.tokens,
      base: `http://127.0.0.1:${PORTS.portcullis}`,
      paths: { issue: "/oauth2/token", introspect: "/oauth2/introspect", revoke: "/oauth2/revoke" },
      auth: basic(seeded.clientId, seeded.clientSecret),
    },
    oidc: {
      name: "oidc-provider",
      ...oidc,
      base: `http://127.0.0.1:${PORTS.oidc}`,
      paths: { issue: "/token", introspect: "/token/introspection", revoke: "/token/revocation" },
      auth: basic("bench", "bench-secret"),
    },
    bare: { name: "bare node:http", ...bare, base: `http://127.0.0.1:${PORTS.bare}`, paths: { introspect: "/" }, auth: "" },
  };

  const rows: Row[] = [];
  const plan: [keyof typeof targets, "issue" | "introspect" | "revoke"][] = [
    ["portcullis", "issue"],
    ["oidc", "issue"],
    ["portcullis", "introspect"],
    ["oidc", "introspect"],
    ["bare", "introspect"],
    ["portcullis", "revoke"],
    ["oidc", "revoke"],
  ];
  const only = process.env.BENCH_ONLY; // e.g. "introspect"
  for (const [name, scenario] of plan.filter(([, s]) => !only || s === only)) {
    if (scenario !== "revoke") await load(targets[name], scenario, 2); // warm up the JIT and caches
    const row = await load(targets[name], scenario);
    rows.push(row);
    console.log(`  ${scenario.padEnd(10)} ${row.target.padEnd(15)} ${Math.round(row.rps)} req/s`);
  }
  printTable(rows);
  const serverExit = new Promise((r) => server.once("exit", r));
  for (const t of Object.values(targets)) t.child.kill();
  await serverExit; // lets a CPU profile be written
  process.exit(0);
}

function printTable(rows: Row[]) {
  const engine = process.env.DATABASE_URL!.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  console.log(
    `\nKey manager, ${engine}, ${TOKENS.toLocaleString()} distinct tokens in random order, ${CONNECTIONS} connections, ${DURATION} s each\n`,
  );
  console.log("| scenario | target | req/s | p50 ms | p99 ms | errors | vs oidc-provider |");
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const ref = rows.find((x) => x.scenario === r.scenario && x.target === "oidc-provider");
    const ratio = ref ? `${(r.rps / ref.rps).toFixed(2)}×` : "";
    console.log(`| ${r.scenario} | ${r.target} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`);
  }
}

function spawnSyncInherit(cmd: string, args: string[]) {
  const { status } = spawnSync(cmd, args, { stdio: "inherit" });
  if (status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

await main();
