// npm run bench:fanout — RFC 7009 revocation throughput as the registered gateways grow (BENCH_GATEWAYS,
// default 3 and 100): every revocation writes a delivery per gateway and the door sends them all, as in
// production. The sizes alternate in rounds (BENCH_ROUNDS × BENCH_SECONDS) so that other load on a shared
// machine falls on both alike; between rounds the deliveries drain. One Portcullis server (the compiled
// one, as `npm start` runs it, PORTCULLIS_WORKERS of them, default 1, its background worker retrying what a
// first attempt did not deliver, as in production), 50 connections after a warm-up, each revocation a
// distinct token (a printed check says whether the pool wrapped). Prints a table; asserts nothing.
import { operatorActor } from "@/lib/engine/identity/actor.shared";
import autocannon from "autocannon";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { startAckFarm } from "./start-ack-farm";
import { waitFor } from "./wait-for";

const SIZES = (process.env.BENCH_GATEWAYS ?? "3,100").split(",").map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const WORKERS = process.env.BENCH_WORKERS ?? "1";
const PORT = Number(process.env.BENCH_PORT_BASE ?? 3421);
const GATEWAY_PORTS = 4700; // gateway i listens on this + i
const CONNECTIONS = 50;
const BASE = `http://127.0.0.1:${PORT}`;

process.env.DATABASE_URL ??= "file:./data/bench-fanout/portcullis.db";
if (!process.env.DATABASE_URL.startsWith("postgres")) {
  rmSync("data/bench-fanout", { recursive: true, force: true });
  mkdirSync("data/bench-fanout", { recursive: true });
}
const { migrate } = await import("@/lib/data/db/migrate");
const { db } = await import("@/lib/data/db/client");
const { createGateway } = await import("@/lib/gateways/create-gateway");
const { deleteGateway } = await import("@/lib/gateways/delete-gateway");
const { seedBenchClient } = await import("./seed");

const ADMIN = operatorActor("bench");
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(".next/BUILD_ID") || !existsSync("dist/server.mjs")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
await migrate(process.env.DATABASE_URL);
console.log(`seeding ${TOKENS.toLocaleString()} tokens…`);
const seeded = await seedBenchClient(TOKENS);
// This machine's PostgreSQL runs without autovacuum: statistics for the rows just loaded, as a live database has.
if (process.env.DATABASE_URL.startsWith("postgres")) await db.$executeRawUnsafe("ANALYZE");
await db.gateway.deleteMany();

const most = Math.max(...SIZES);
const farm = await startAckFarm(Array.from({ length: most }, (_, i) => GATEWAY_PORTS + i)); // stopped when the run ends

// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server's processes (open it in Chrome DevTools).
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = spawn(process.execPath, [...profile, "dist/server.mjs"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    PORTCULLIS_WORKERS: WORKERS,
  },
  stdio: ["ignore", "ignore", "inherit"],
});
process.on("exit", () => server.kill());
await waitFor(`${BASE}/api/health`);

/** Registers or removes gateways until `n` are, the first n ports of the farm. */
const registered: string[] = [];
async function gateways(n: number) {
  while (registered.length > n) await deleteGateway({ gatewayId: registered.pop()!, actor: ADMIN });
  while (registered.length < n) {
    const i = registered.length;
    const g = await createGateway({
      actor: ADMIN,
      name: `fanout-${i}`,
      revokeUrl: `http://127.0.0.1:${GATEWAY_PORTS + i}/portcullis/revoke`,
    });
    registered.push(g.gateway.id);
  }
}

/** Until every delivery is acknowledged (the door's first attempts, and the worker's retries of the rest). */
async function drained(timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while ((await db.delivery.count({ where: { status: "pending" } })) > 0) {
    if (Date.now() - started > timeoutMs) return NaN;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

let next = 0;
const pool = seeded.tokens;
const revoke = (seconds: number) =>
  autocannon({
    url: `${BASE}/oauth2/revoke`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(seeded.clientId, seeded.clientSecret) },
        setupRequest: (req: autocannon.Request) => ({ ...req, body: `token=${pool[next++ % pool.length]}` }),
      },
    ],
  });
await gateways(SIZES[0]);
await revoke(2); // warm-up: the JIT, the pool's connections and its prepared statements
await drained();
type Round = { n: number; rps: number; p50: number; p99: number; errors: number; drainMs: number; notices: number };
const rounds: Round[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const n of SIZES) {
    await gateways(n);
    const before = await farm.received();
    const result = await revoke(SECONDS);
    const drainMs = await drained();
    const notices = (await farm.received()) - before;
    rounds.push({
      n,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
      drainMs,
      notices,
    });
    console.log(
      `  round ${r + 1}, ${n} gateways: ${Math.round(result.requests.average)} revocations/s, ${notices} notices, drained ${drainMs} ms after`,
    );
  }
}

const engine = process.env.DATABASE_URL.startsWith("postgres") ? "PostgreSQL" : "SQLite";
console.log(
  `\nRevocation fan-out, ${engine}, ${WORKERS} worker(s), ${ROUNDS} rounds × ${SECONDS} s per size, ${CONNECTIONS} connections (medians)\n`,
);
console.log("| gateways | revocations/s | p50 ms | p99 ms | errors | notices acknowledged/s | drain after the round, ms | vs the fewest |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
const base = median(rounds.filter((x) => x.n === SIZES[0]).map((x) => x.rps));
for (const n of SIZES) {
  const of = rounds.filter((x) => x.n === n);
  const rps = median(of.map((x) => x.rps));
  const ackPerS = median(of.map((x) => x.notices / (SECONDS + x.drainMs / 1000)));
  console.log(
    `| ${n} | ${Math.round(rps)} | ${median(of.map((x) => x.p50))} | ${median(of.map((x) => x.p99))} | ${of.reduce((s, x) => s + x.errors, 0)} | ${Math.round(ackPerS)} | ${median(of.map((x) => x.drainMs))} | ${(rps / base).toFixed(2)}× |`,
  );
}
console.log(
  `wrapped=${next > pool.length ? "yes" : "no"} (${next.toLocaleString()} revocations of ${pool.length.toLocaleString()} tokens)`,
);
process.exit(0);
