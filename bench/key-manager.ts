// npm run bench — the key manager's hot paths under load, next to a bare node:http floor and
// oidc-provider, on this machine, with one load generator (autocannon, 50 connections).
// Needs a production build (`npm run build`; made here when missing). Prints a table; asserts nothing.
import { operatorActor } from "@/lib/engine/identity/actor.shared";
import autocannon from "autocannon";
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { waitFor } from "./wait-for";

// BENCH_TOKENS is the size of Portcullis's store. The load draws on up to LOAD_TOKENS of them (random
// hashes, so spread over the whole index); the rest are bulk-loaded live tokens of the same client.
const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const LOAD_TOKENS = Math.min(TOKENS, 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism()); // the "every core" target beside one process
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
// With the validation cache on, tokens are drawn from a hot set, as a gateway's traffic repeats its callers' tokens.
const HOT_TOKENS = Number(process.env.BENCH_HOT_TOKENS ?? 1_000);
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3401); // another worktree's bench may hold the default ports
const PORTS = { portcullis: PORT_BASE, oidc: PORT_BASE + 1, bare: PORT_BASE + 2, cluster: PORT_BASE + 3 };

process.env.DATABASE_URL ??= "file:./data/bench/portcullis.db";
if (!process.env.DATABASE_URL.startsWith("postgres")) {
  rmSync("data/bench", { recursive: true, force: true });
  mkdirSync("data/bench", { recursive: true });
}
// Imported after DATABASE_URL is settled: the store and Prisma read it once.
const { migrate } = await import("@/lib/data/db/migrate");
const { seedBenchClient } = await import("./seed");
const { updateSettings } = await import("@/lib/settings/settings");
const { seedTokens } = await import("./seed-tokens");

type Scenario = "issue" | "introspect" | "introspect_api" | "introspect_cached" | "introspect_api_cached" | "revoke";
type Target = {
  name: string;
  child: ChildProcess;
  tokens: string[];
  revocable?: string[]; // its own share of the tokens, when two targets revoke from one store
  base: string;
  paths: Record<string, string>;
  auth: string;
  authFor?: Partial<Record<Scenario, string>>; // another client for this scenario
  apiParams?: string;
};
type Row = { scenario: string; target: string; rps: number; p50: number; p99: number; errors: number; cpuUs: number };

/**
 * The server's CPU time so far (user + system, µs, its cluster workers included), from /proc: on a
 * shared machine, CPU per request varies less than req/s.
 */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const own = ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime + stime, in clock ticks of 10 ms
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);

    return own + children.reduce((sum, child) => sum + cpuOf(child), 0);
  } catch {
    return NaN;
  }
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const shuffle = <T>(xs: T[]) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};

// Every server this run starts stops with it, also when the run fails.
const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.kill()));
const started = (child: ChildProcess) => (children.push(child), child);

function forkSeeded(script: string, port: number): Promise<{ child: ChildProcess; tokens: string[] }> {
  const child = started(fork(script, { env: { ...process.env, PORT: String(port), TOKENS: String(LOAD_TOKENS), NODE_ENV: "production" } }));
  return new Promise((resolve, reject) => {
    child.once("message", (m: { tokens: string[] }) => resolve({ child, tokens: m.tokens }));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function load(target: Target, scenario: Scenario, seconds = DURATION): Promise<Row> {
  const cached = scenario.endsWith("_cached");
  const pool = scenario === "revoke" ? (target.revocable ?? target.tokens) : target.tokens;
  const order = shuffle(cached ? pool.slice(0, HOT_TOKENS) : [...pool]);
  let next = 0;
  const any = () => order[Math.floor(Math.random() * order.length)];
  const body =
    scenario === "issue"
      ? () => "grant_type=client_credentials"
      : scenario === "introspect" || scenario === "introspect_cached"
        ? () => `token=${any()}`
        : scenario.startsWith("introspect_api") // validation info per API: the token, its subscription and tier
          ? () => `token=${any()}&${target.apiParams}`
          : () => `token=${order[next++ % order.length]}`; // each revocation a distinct token
  const cpuBefore = cpuOf(target.child.pid);
  const result = await autocannon({
    url: target.base + target.paths[scenario.replace("_cached", "")],
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: target.authFor?.[scenario] ?? target.auth },
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
    cpuUs: (cpuOf(target.child.pid) - cpuBefore) / Math.max(1, result.requests.total),
  };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) spawnSyncInherit("npx", ["next", "build"]);
  await migrate(process.env.DATABASE_URL!);
  console.log(`seeding ${LOAD_TOKENS.toLocaleString()} tokens per target…`);
  const seeded = await seedBenchClient(LOAD_TOKENS);
  if (TOKENS > LOAD_TOKENS) {
    console.log(`bulk-loading ${(TOKENS - LOAD_TOKENS).toLocaleString()} more into Portcullis's store…`);
    await seedTokens({ clientId: seeded.clientId, dead: 0, live: TOKENS - LOAD_TOKENS, keepValues: false });
  }

  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // One process, and one server with a worker per core (lib/doors/cluster), on the same database. Neither
  // runs the background jobs: the purge and delivery retries are not what is measured.
  const startServer = (port: number, workers: number) =>
    started(
      spawn(process.execPath, [...profile, "--import", "tsx", "server.ts"], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          HOSTNAME: "127.0.0.1",
          NEXT_TELEMETRY_DISABLED: "1",
          PORTCULLIS_WORKERS: String(workers),
          PORTCULLIS_WORKER: "off",
        },
        stdio: ["ignore", "ignore", "inherit"],
      }),
    );
  const [oidc, bare] = await Promise.all([
    forkSeeded("bench/oidc-provider-server.mjs", PORTS.oidc),
    forkSeeded("bench/bare-server.mjs", PORTS.bare),
  ]);
  // One after the other: a SQLite database has one server, and the first start writes its session secret.
  const server = startServer(PORTS.portcullis, 1);
  await waitFor(`http://127.0.0.1:${PORTS.portcullis}/api/health`);
  const clustered = startServer(PORTS.cluster, WORKERS);
  await waitFor(`http://127.0.0.1:${PORTS.cluster}/api/health`);
  const [odd, even] = [seeded.tokens.filter((_, i) => i % 2), seeded.tokens.filter((_, i) => i % 2 === 0)];

  const targets: Record<string, Target> = {
    portcullis: {
      name: "portcullis",
      child: server,
      tokens: seeded.tokens,
      base: `http://127.0.0.1:${PORTS.portcullis}`,
      revocable: even,
      paths: { issue: "/oauth2/token", introspect: "/oauth2/introspect", introspect_api: "/oauth2/introspect", revoke: "/oauth2/revoke" },
      auth: basic(seeded.clientId, seeded.clientSecret),
      apiParams: new URLSearchParams({ api_context: seeded.api.context, api_version: seeded.api.version }).toString(),
    },
    portcullisCluster: {
      name: `portcullis ×${WORKERS}`,
      child: clustered,
      tokens: seeded.tokens,
      revocable: odd,
      base: `http://127.0.0.1:${PORTS.cluster}`,
      paths: { issue: "/oauth2/token", introspect: "/oauth2/introspect", revoke: "/oauth2/revoke" },
      auth: basic(seeded.clientId, seeded.clientSecret),
    },
    // The same server: issuance for an application with JWT access tokens, and per-API introspection
    // for an API with JWT to the backend (a JWT signed per call).
    portcullisJwt: {
      name: "portcullis JWT",
      child: server,
      tokens: seeded.tokens,
      base: `http://127.0.0.1:${PORTS.portcullis}`,
      paths: { issue: "/oauth2/token", introspect_api: "/oauth2/introspect" },
      auth: basic(seeded.clientId, seeded.clientSecret),
      authFor: {
        issue: basic(seeded.jwtClient.clientId, seeded.jwtClient.clientSecret),
        introspect_api: basic(seeded.gatewayClient.clientId, seeded.gatewayClient.clientSecret),
      },
      apiParams: new URLSearchParams({ api_context: seeded.jwtApi.context, api_version: seeded.jwtApi.version }).toString(),
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
  const plan: [keyof typeof targets, Scenario][] = [
    ["portcullis", "issue"],
    ["portcullisCluster", "issue"],
    ["portcullisJwt", "issue"],
    ["oidc", "issue"],
    ["portcullis", "introspect"],
    ["portcullisCluster", "introspect"],
    ["portcullis", "introspect_api"],
    ["portcullis", "introspect_cached"],
    ["portcullis", "introspect_api_cached"],
    ["portcullisJwt", "introspect_api"],
    ["oidc", "introspect"],
    ["bare", "introspect"],
    ["portcullis", "revoke"],
    ["portcullisCluster", "revoke"],
    ["oidc", "revoke"],
  ];
  const only = process.env.BENCH_ONLY; // e.g. "introspect"
  for (const [name, scenario] of plan.filter(([, s]) => !only || s.startsWith(only))) {
    await setCache(scenario.endsWith("_cached")); // SQLite: the server sees it through data_version; PostgreSQL: on the bus
    if (scenario !== "revoke") await load(targets[name], scenario, 2); // warm up the JIT and caches
    const row = await load(targets[name], scenario);
    rows.push(row);
    console.log(`  ${scenario.padEnd(10)} ${row.target.padEnd(15)} ${Math.round(row.rps)} req/s`);
  }
  printTable(rows);
  if (!only || "introspect_api".startsWith(only)) {
    await alternate("introspect", targets.portcullis, "introspect_api", targets.portcullis);
    await alternate("introspect_api", targets.portcullis, "introspect_api", targets.portcullisJwt);
  }
  if (!only || "introspect_cached".startsWith(only)) await compareCache(targets.portcullis, targets.oidc);
  if (!only || "issue".startsWith(only)) await alternate("issue", targets.portcullis, "issue", targets.portcullisJwt);
  if (!only) await signingCost();
  const serversExit = Promise.all([server, clustered].map((s) => new Promise((r) => s.once("exit", r))));
  for (const t of Object.values(targets)) t.child.kill();
  await serversExit; // lets a CPU profile be written
  process.exit(0);
}

/** The cache's effect against oidc-provider, alternated in short rounds like `alternate`; medians, with p99s. */
async function compareCache(portcullis: Target, oidc: Target, rounds = 5) {
  const runs: Record<string, Row[]> = { introspect: [], introspect_cached: [], introspect_api_cached: [], oidc: [] };
  for (let i = 0; i < rounds; i++) {
    await setCache(false);
    runs.introspect.push(await load(portcullis, "introspect", 4));
    await setCache(true); // turning it on empties it: warm it first
    await load(portcullis, "introspect_cached", 2);
    await load(portcullis, "introspect_api_cached", 2);
    runs.introspect_cached.push(await load(portcullis, "introspect_cached", 4));
    runs.introspect_api_cached.push(await load(portcullis, "introspect_api_cached", 4));
    runs.oidc.push(await load(oidc, "introspect", 4));
  }
  await setCache(false);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ref = median(runs.oidc.map((r) => r.rps));
  console.log(`\nAlternating ${rounds} × 4 s (medians): the validation cache against oidc-provider's introspection\n`);
  console.log("| scenario | req/s | p99 ms | server CPU µs/req | vs oidc-provider |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [name, rows] of Object.entries(runs)) {
    const rps = median(rows.map((r) => r.rps));
    const cpu = Math.round(median(rows.map((r) => r.cpuUs)));
    console.log(
      `| ${name === "oidc" ? "oidc-provider introspect" : name} | ${Math.round(rps)} | ${median(rows.map((r) => r.p99))} | ${cpu} | ${(rps / ref).toFixed(2)}× |`,
    );
  }
}

const cacheOn = { on: false };
async function setCache(on: boolean) {
  if (on === cacheOn.on) return;
  await updateSettings({ change: { validation_cache: on, validation_cache_ttl: 300 }, actor: operatorActor("bench") });
  cacheOn.on = on;
  await new Promise((r) => setTimeout(r, 200)); // PostgreSQL: the notice reaches the server
}

/**
 * Two scenarios (the per-API form against the plain one, JWTs against opaque tokens…) alternated in
 * short rounds so that load from other processes on a shared machine falls on both alike; medians of each.
 */
async function alternate(a: Scenario, ta: Target, b: Scenario, tb: Target, rounds = 5) {
  const [first, second]: number[][] = [[], []];
  for (let i = 0; i < rounds; i++) {
    first.push((await load(ta, a, 4)).rps);
    second.push((await load(tb, b, 4)).rps);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(
    `Alternating ${rounds} × 4 s: ${a} (${ta.name}) ${Math.round(median(first))} req/s, ${b} (${tb.name}) ${Math.round(median(second))} req/s (medians) → ${((median(second) / median(first)) * 100).toFixed(0)}%`,
  );
}

/** CPU per signature in this process (what a JWT access token or a backend JWT adds to its request), per algorithm. */
async function signingCost(count = 2_000) {
  const { signJwt } = await import("@/lib/engine/jwt/sign-jwt");
  const { generateKeyMaterial } = await import("@/lib/engine/keys/key-material");
  const { signingKey } = await import("@/lib/engine/keys/key-ring");
  const { SignJWT } = await import("jose");
  const { createPrivateKey } = await import("node:crypto");
  const { decryptSecret } = await import("@/lib/base/secret-box");
  const claims = { iss: "http://bench", sub: "pcl_ci_x", aud: "/bench/v1", scope: "read", iat: 1, exp: 2, jti: "x" };
  for (const alg of ["ES256", "RS256"] as const) {
    const key = createPrivateKey(decryptSecret((await generateKeyMaterial(alg)).sealedPrivateKey));
    const started = process.hrtime.bigint();
    for (let i = 0; i < count; i++) await new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT" }).sign(key);
    console.log(`Signing ${alg}: ${(Number(process.hrtime.bigint() - started) / 1e3 / count).toFixed(0)} µs per JWT (${count} in a row)`);
  }
  await signingKey(); // the key ring as the server uses it: the current key, sealed key decrypted once
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await signJwt(claims, { typ: "JWT" });
  console.log(`signJwt with the key ring: ${(Number(process.hrtime.bigint() - started) / 1e3 / count).toFixed(0)} µs per JWT`);
}

function printTable(rows: Row[]) {
  const engine = process.env.DATABASE_URL!.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  console.log(
    `\nKey manager, ${engine}, ${TOKENS.toLocaleString()} tokens in the store, ${LOAD_TOKENS.toLocaleString()} distinct ones drawn in random order (*_cached: the validation cache on, ` +
      `${HOT_TOKENS.toLocaleString()} hot tokens), ${CONNECTIONS} connections, ${DURATION} s each\n`,
  );
  console.log("| scenario | target | req/s | p50 ms | p99 ms | errors | server CPU µs/req | vs oidc-provider |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    // Every form of introspection is compared with oidc-provider's one form.
    const like = r.scenario.startsWith("introspect") ? "introspect" : r.scenario;
    const ref = rows.find((x) => x.scenario === like && x.target === "oidc-provider");
    const ratio = ref ? `${(r.rps / ref.rps).toFixed(2)}×` : "";
    console.log(
      `| ${r.scenario} | ${r.target} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${Math.round(r.cpuUs)} | ${ratio} |`,
    );
  }
  const [plain, perApi] = ["introspect", "introspect_api"].map((s) => rows.find((r) => r.scenario === s && r.target === "portcullis"));
  if (plain && perApi)
    console.log(`\nIntrospection with api_context/api_version: ${((perApi.rps / plain.rps) * 100).toFixed(0)}% of the plain form's req/s`);
}

function spawnSyncInherit(cmd: string, args: string[]) {
  const { status } = spawnSync(cmd, args, { stdio: "inherit" });
  if (status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

await main();
