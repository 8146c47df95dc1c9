// npm run bench:propagation — for N = 1, 10, 50, 200, 500 reference gateways on loopback (BENCH_GATEWAYS),
// 10% of them down (BENCH_DOWN): from the start of an RFC 7009 revocation until every reachable gateway
// has evicted the token it had cached, the revocation request's own latency, and, once the down ones
// return, the time until every notice held for them is acknowledged; then the race re-send's cost
// under a steady introspect-then-revoke load (events and deliveries per revocation). Prints tables; asserts nothing.
import { operatorActor } from "@/lib/engine/identity/actor.shared";
import { fork, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { waitFor } from "./wait-for";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const SIZES = (process.env.BENCH_GATEWAYS ?? "1,10,50,200,500").split(",").map(Number);
const DOWN = Number(process.env.BENCH_DOWN ?? 0.1); // the share of gateways down during the rounds
const GATEWAY_PORTS = Number(process.env.BENCH_GATEWAY_PORT ?? 4500); // gateway i listens on this + i
const PORT = 3411;
const DRAIN_TIMEOUT_MS = 60_000;
const BASE = `http://127.0.0.1:${PORT}`;

process.env.DATABASE_URL ??= "file:./data/bench-propagation/portcullis.db";
if (!process.env.DATABASE_URL.startsWith("postgres")) {
  rmSync("data/bench-propagation", { recursive: true, force: true });
  mkdirSync("data/bench-propagation", { recursive: true });
}
const { migrate } = await import("@/lib/data/db/migrate");
const { db } = await import("@/lib/data/db/client");
const { createApp } = await import("@/lib/apps/create-app");
const { createGateway } = await import("@/lib/gateways/create-gateway");
const { hashToken } = await import("@/lib/base/hash-token");

const ADMIN = operatorActor("bench");
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];

function ask<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { kind: string }) => m.kind === reply && (child.off("message", on), resolve(m as T));
    child.on("message", on);
    child.send(message);
  });
}

type Round = { propagationMs: number; revokeMs: number };
type Row = { n: number; down: number; rounds: Round[]; held: number; drainMs: number | null };

async function measure(n: number): Promise<Row> {
  await db.gateway.deleteMany();
  const specs = [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const port = GATEWAY_PORTS + i;
    const g = await createGateway({ actor: ADMIN, name: `bench-${n}-${i}`, revokeUrl: `http://127.0.0.1:${port}/portcullis/revoke` });
    specs.push({ port, clientId: g.clientId, clientSecret: g.clientSecret, signingSecret: g.signingSecret });
    ids.push(g.gateway.id);
  }
  const farm = fork("bench/gateway-farm.ts", { execArgv: ["--import", "tsx"], stdio: "inherit" });
  await new Promise((r) => farm.once("message", r));
  await ask(farm, { kind: "start", keyManager: BASE, gateways: specs }, "started");
  const down = Math.floor(n * DOWN);
  const downIndexes = Array.from({ length: down }, (_, k) => n - down + k);
  await ask(farm, { kind: "stop", indexes: downIndexes }, "stopped");
  const live = specs.slice(0, n - down);

  const owner = await db.user.create({ data: { email: `bench-${n}-${Date.now()}@bench.local`, passwordHash: "-" } });
  const app = await createApp({ actor: ADMIN, ownerId: owner.id, name: `bench ${n}` });
  const auth = basic(app.clientId, app.clientSecret);
  const form = { "content-type": "application/x-www-form-urlencoded", authorization: auth };
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const issued = await (
      await fetch(`${BASE}/oauth2/token`, { method: "POST", headers: form, body: "grant_type=client_credentials" })
    ).json();
    const token = issued.access_token as string;
    // Cache it in every live gateway.
    await Promise.all(
      live.map((g) =>
        fetch(`http://127.0.0.1:${g.port}/x`, { headers: { authorization: `Bearer ${token}` } }).then((res) => {
          if (res.status !== 200) throw new Error(`gateway ${g.port} answered ${res.status}`);
          return res.arrayBuffer();
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 50)); // let the introspection window of the race re-send pass for a clean measure
    const evicted = ask<{ times: (number | undefined)[] }>(
      farm,
      { kind: "await-eviction", hash: hashToken(token), timeoutMs: 10_000 },
      "evicted",
    );
    const start = Date.now();
    const res = await fetch(`${BASE}/oauth2/revoke`, { method: "POST", headers: form, body: `token=${token}` });
    const revokeMs = Date.now() - start;
    if (res.status !== 200) throw new Error(`revoke answered ${res.status}`);
    const { times } = await evicted;
    if (times.some((t) => t === undefined)) throw new Error(`round ${r}: not every gateway evicted within 10 s`);
    rounds.push({ propagationMs: Math.max(...(times as number[])) - start, revokeMs });
  }

  // The down gateways return: how long until every notice held for them meanwhile is acknowledged.
  const downIds = downIndexes.map((i) => ids[i]);
  const pendingForDown = () => db.delivery.count({ where: { gatewayId: { in: downIds }, status: "pending" } });
  const held = await pendingForDown();
  let drainMs: number | null = null;
  if (down > 0) {
    const returned = Date.now();
    await ask(farm, { kind: "restart", indexes: downIndexes }, "restarted");
    const deadline = returned + DRAIN_TIMEOUT_MS;
    while ((await pendingForDown()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if ((await pendingForDown()) === 0) drainMs = Date.now() - returned;
  }
  const exited = new Promise((r) => farm.once("exit", r));
  farm.send({ kind: "exit" });
  await exited;

  return { n, down, rounds, held, drainMs };
}

await migrate(process.env.DATABASE_URL!);
// The production server when there is a build; otherwise its node:http front alone, one process (bench/front-server.ts).
const production = existsSync(".next/BUILD_ID");
const server = spawn("node_modules/.bin/tsx", [production ? "server.ts" : "bench/front-server.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    PORTCULLIS_ISSUER: BASE,
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
await waitFor(`${BASE}/.well-known/oauth-authorization-server`);

console.log(`  key manager up (${production ? "server.ts" : "bench/front-server.ts: no Next build"}); measuring…`);
const rows: string[] = [];
for (const n of SIZES) {
  const { down, rounds, held, drainMs } = await measure(n);
  const p = rounds.map((x) => x.propagationMs);
  const q = rounds.map((x) => x.revokeMs);
  rows.push(
    `| ${n} | ${down} | ${pct(p, 0.5)} | ${pct(p, 0.99)} | ${pct(q, 0.5)} | ${pct(q, 0.99)} | ${held} | ${down === 0 ? "–" : (drainMs ?? `> ${DRAIN_TIMEOUT_MS}`)} |`,
  );
  console.log(
    `  N=${n} (${down} down): propagation p50 ${pct(p, 0.5)} ms, p99 ${pct(p, 0.99)} ms; ${held} held, drained in ${drainMs ?? "-"} ms`,
  );
}

// Every revocation below follows an "active" answer for its token: the race re-send's worst case.
async function steadyIntrospectThenRevoke(seconds: number, loops: number) {
  await db.gateway.deleteMany();
  const receiver = createServer((req, res) => req.resume().on("end", () => res.writeHead(204).end())).listen(4499, "127.0.0.1");
  const gw = await createGateway({ actor: ADMIN, name: "bench-steady", revokeUrl: "http://127.0.0.1:4499/portcullis/revoke" });
  const owner = await db.user.create({ data: { email: `bench-steady-${Date.now()}@bench.local`, passwordHash: "-" } });
  const app = await createApp({ actor: ADMIN, ownerId: owner.id, name: "bench steady" });
  const appForm = { "content-type": "application/x-www-form-urlencoded", authorization: basic(app.clientId, app.clientSecret) };
  const gwForm = { "content-type": "application/x-www-form-urlencoded", authorization: basic(gw.clientId, gw.clientSecret) };
  const before = (await db.revocationEvent.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0;
  const revokeMs: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (Date.now() < end) {
        const { access_token: token } = await (
          await fetch(`${BASE}/oauth2/token`, { method: "POST", headers: appForm, body: "grant_type=client_credentials" })
        ).json();
        await (await fetch(`${BASE}/oauth2/introspect`, { method: "POST", headers: gwForm, body: `token=${token}` })).arrayBuffer();
        const start = Date.now();
        await (await fetch(`${BASE}/oauth2/revoke`, { method: "POST", headers: appForm, body: `token=${token}` })).arrayBuffer();
        revokeMs.push(Date.now() - start);
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 3_000)); // the re-sends are queued within 100 ms and due after 2 s
  const events = await db.revocationEvent.count({ where: { sequence: { gt: before } } });
  // The events that announced revocations (each token points at its own); revocations committed together
  // share one (group commit), so the rest are the re-sends.
  const [{ n: announcing }] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(DISTINCT revocation_seq) AS n FROM tokens WHERE revocation_seq > ${before}`;
  const deliveries = await db.delivery.count({ where: { gatewayId: gw.gateway.id } });
  receiver.close();

  return {
    revocations: revokeMs.length,
    events,
    resends: events - Number(announcing),
    deliveries,
    p50: pct(revokeMs, 0.5),
    p99: pct(revokeMs, 0.99),
    seconds,
  };
}
const steady = await steadyIntrospectThenRevoke(Number(process.env.BENCH_STEADY_SECONDS ?? 10), 16);

const engine = process.env.DATABASE_URL!.startsWith("postgres") ? "PostgreSQL" : "SQLite";
console.log(
  `\nRevocation propagation, ${engine}, ${ROUNDS} revocations per row (revoke request start → last reachable gateway's eviction); ` +
    `then the down gateways return (heartbeat every ${Number(process.env.PORTCULLIS_HEARTBEAT_MS ?? 5_000)} ms) and their held notices drain\n`,
);
console.log(
  "| gateways | down | propagation p50 ms | propagation p99 ms | revoke request p50 ms | revoke request p99 ms | held notices | drain ms |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const row of rows) console.log(row);
console.log(`\nThe race re-send's cost: ${steady.seconds} s of 16 loops (issue, introspect as the gateway, revoke), one gateway\n`);
console.log("| revocations | per s | events | of them re-sends | events per revocation | deliveries | revoke p50 ms | revoke p99 ms |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
const perRevocation = (steady.events / steady.revocations).toFixed(2);
console.log(
  `| ${steady.revocations} | ${Math.round(steady.revocations / steady.seconds)} | ${steady.events} | ${steady.resends} | ${perRevocation} | ${steady.deliveries} | ${steady.p50} | ${steady.p99} |`,
);
server.kill();
process.exit(0);
