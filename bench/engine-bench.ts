// One engine's part of `npm run bench` (bench/key-manager.ts runs it once per engine, in its own process,
// with DATABASE_URL naming a fresh database): seeds, starts every target, runs the scenarios in rounds,
// prints the engine's tables, and sends its ratios to the parent over IPC.
import { operatorActor } from "@/lib/engine/identity/actor.shared";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { alternate, compareCache, signingCost } from "./extras";
import { load, TokenPool, type Row, type Scenario, type Target } from "./load";
import { printTable, ratios, summarize, type Summary } from "./report";
import { startAckFarm } from "./start-ack-farm";
import { forkReady, startPortcullis } from "./start-targets";
import { waitFor } from "./wait-for";

// BENCH_TOKENS is the size of Portcullis's introspected store. The load draws on up to LOAD_TOKENS of them
// (random hashes, so spread over the whole index); the rest are bulk-loaded live tokens of the same client.
const TOKENS = Number(process.env.BENCH_TOKENS ?? 100_000);
const LOAD_TOKENS = Math.min(TOKENS, 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism()); // the "every core" targets beside one process
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = Math.min(2, SECONDS);
// More revocations per second than any target here makes: each target's pool holds this many per measured
// second, so no token is revoked twice (the report checks it: wrapped=yes if one was).
const REVOKE_RATE_BOUND = Number(process.env.BENCH_REVOKE_RATE ?? 6_000);
const REVOKE_POOL = REVOKE_RATE_BOUND * SECONDS * ROUNDS;
const WARM_UP_POOL = REVOKE_RATE_BOUND * WARM_UP_SECONDS;
const GATEWAYS = 3; // registered, acknowledging: every revocation writes and sends their notices, as in production
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3401); // another worktree's bench may hold the default ports
const PORTS = {
  portcullis: PORT_BASE,
  oidcMemory: PORT_BASE + 1,
  bare: PORT_BASE + 2,
  cluster: PORT_BASE + 3,
  peerCluster: PORT_BASE + 4,
  peerOne: PORT_BASE + 5,
  floorOne: PORT_BASE + 6,
  floorCluster: PORT_BASE + 7,
  farm: PORT_BASE + 10, // gateway i listens on this + i
};
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/5"; // emptied by the peer; the 1-worker peer uses the next db
const SCENARIOS: Scenario[] = ["introspect", "revoke", "issue"]; // issuance last: its tokens would grow the table the others read

const { engineOf, sqlitePath } = await import("@/lib/data/db/engine");
const { migrate } = await import("@/lib/data/db/migrate");
const { db } = await import("@/lib/data/db/client");
const { createGateway } = await import("@/lib/gateways/create-gateway");
const { updateSettings } = await import("@/lib/settings/settings");
const { seedBenchClient } = await import("./seed");
const { seedTokens } = await import("./seed-tokens");

const DATABASE_URL = process.env.DATABASE_URL!;
const ENGINE = engineOf(DATABASE_URL);
const ADMIN = operatorActor("bench");
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const tableSize = async () => (await db.token.count()).toLocaleString();

/** Splits `values` into consecutive slices of the given lengths. */
function slices(values: string[], ...lengths: number[]): string[][] {
  let at = 0;
  return lengths.map((n) => values.slice(at, (at += n)));
}

async function seed() {
  await migrate(DATABASE_URL);
  console.log(`[${ENGINE}] seeding ${LOAD_TOKENS.toLocaleString()} tokens to introspect…`);
  const seeded = await seedBenchClient(LOAD_TOKENS);
  // Four targets revoke from this store (Portcullis ×1, ×N, the driver floor ×1, ×N): a measured pool and a warm-up pool each.
  const pools = 4 * (REVOKE_POOL + WARM_UP_POOL);
  console.log(`[${ENGINE}] bulk-loading ${(TOKENS - LOAD_TOKENS + pools).toLocaleString()} more (${pools.toLocaleString()} to revoke)…`);
  const loaded = await seedTokens({ clientId: seeded.clientId, dead: 0, live: TOKENS - LOAD_TOKENS + pools });
  const revocable = slices(
    loaded.slice(TOKENS - LOAD_TOKENS),
    ...Array(8)
      .fill(0)
      .map((_, i) => (i % 2 ? WARM_UP_POOL : REVOKE_POOL)),
  );
  await db.gateway.deleteMany();
  for (let i = 0; i < GATEWAYS; i++) {
    await createGateway({ actor: ADMIN, name: `bench-${i}`, revokeUrl: `http://127.0.0.1:${PORTS.farm + i}/portcullis/revoke` });
  }
  // This machine's PostgreSQL runs without autovacuum: statistics for the rows just loaded, as a live database has.
  await db.$executeRawUnsafe("ANALYZE");

  return { seeded, revocable };
}

const pools = (measured: string[], warmUp: string[]) => ({ revocable: new TokenPool(measured), warmRevocable: new TokenPool(warmUp) });

async function startTargets({ seeded, revocable }: Awaited<ReturnType<typeof seed>>): Promise<Record<string, Target>> {
  const peerTokens = String(LOAD_TOKENS + REVOKE_POOL + WARM_UP_POOL);
  const nextDb = REDIS_URL.replace(/\/(\d+)$/, (_, n) => `/${Number(n) + 1}`);
  const floorEnv = { DATABASE_URL, SQLITE_FILE: ENGINE === "sqlite" ? sqlitePath(DATABASE_URL) : "" };
  // The floors one after the other: the first creates its outbox table.
  const floorOne = await forkReady("bench/driver-floor.mjs", { ...floorEnv, PORT: String(PORTS.floorOne), WORKERS: "1" });
  const floorCluster = await forkReady("bench/driver-floor.mjs", {
    ...floorEnv,
    PORT: String(PORTS.floorCluster),
    WORKERS: String(WORKERS),
  });
  const [oidcMemory, bare, peerCluster, peerOne] = await Promise.all([
    forkReady("bench/oidc-provider-server.mjs", { PORT: String(PORTS.oidcMemory), TOKENS: peerTokens }),
    forkReady("bench/bare-server.mjs", { PORT: String(PORTS.bare), TOKENS: String(LOAD_TOKENS) }),
    forkReady("bench/oidc-provider-redis.mjs", {
      PORT: String(PORTS.peerCluster),
      TOKENS: peerTokens,
      WORKERS: String(WORKERS),
      REDIS_URL,
    }),
    forkReady("bench/oidc-provider-redis.mjs", { PORT: String(PORTS.peerOne), TOKENS: peerTokens, WORKERS: "1", REDIS_URL: nextDb }),
  ]);
  // One after the other: a SQLite database has one server, and the first start writes its session secret.
  const one = startPortcullis(PORTS.portcullis, 1);
  await waitFor(`http://127.0.0.1:${PORTS.portcullis}/api/health`);
  const clustered = startPortcullis(PORTS.cluster, WORKERS);
  await waitFor(`http://127.0.0.1:${PORTS.cluster}/api/health`);

  const portcullisPaths = {
    issue: "/oauth2/token",
    introspect: "/oauth2/introspect",
    introspect_api: "/oauth2/introspect",
    revoke: "/oauth2/revoke",
  };
  const portcullis = {
    kind: "portcullis",
    paths: portcullisPaths,
    introspected: seeded.tokens,
    auth: basic(seeded.clientId, seeded.clientSecret),
  } as const;
  const floor = {
    kind: "floor",
    paths: { issue: "/issue", introspect: "/introspect", revoke: "/revoke" },
    introspected: seeded.tokens,
    auth: "",
  } as const;
  const oidc = {
    paths: { issue: "/token", introspect: "/token/introspection", revoke: "/token/revocation" },
    auth: basic("bench", "bench-secret"),
  };
  const peer = (
    name: string,
    processes: number,
    kind: Target["kind"],
    port: number,
    started: { child: Target["child"]; tokens: string[] },
  ) => {
    const [introspected, measured, warmUp] = slices(started.tokens, LOAD_TOKENS, REVOKE_POOL, WARM_UP_POOL);
    return {
      name,
      processes,
      kind,
      ...oidc,
      child: started.child,
      base: `http://127.0.0.1:${port}`,
      introspected,
      ...pools(measured, warmUp),
    };
  };

  return {
    portcullis: {
      name: "portcullis",
      processes: 1,
      child: one,
      base: `http://127.0.0.1:${PORTS.portcullis}`,
      ...portcullis,
      ...pools(revocable[0], revocable[1]),
      apiParams: new URLSearchParams({ api_context: seeded.api.context, api_version: seeded.api.version }).toString(),
    },
    portcullisCluster: {
      name: `portcullis ×${WORKERS}`,
      processes: WORKERS,
      child: clustered,
      base: `http://127.0.0.1:${PORTS.cluster}`,
      ...portcullis,
      ...pools(revocable[2], revocable[3]),
    },
    peerOne: peer("oidc-provider+redis ×1", 1, "peer", PORTS.peerOne, peerOne),
    peerCluster: peer(`oidc-provider+redis ×${WORKERS}`, WORKERS, "peer", PORTS.peerCluster, peerCluster),
    oidcMemory: peer("oidc-provider memory", 1, "reference", PORTS.oidcMemory, oidcMemory),
    floorOne: {
      name: `${ENGINE} driver floor ×1`,
      processes: 1,
      child: floorOne.child,
      base: `http://127.0.0.1:${PORTS.floorOne}`,
      ...floor,
      ...pools(revocable[4], revocable[5]),
    },
    floorCluster: {
      name: `${ENGINE} driver floor ×${WORKERS}`,
      processes: WORKERS,
      child: floorCluster.child,
      base: `http://127.0.0.1:${PORTS.floorCluster}`,
      ...floor,
      ...pools(revocable[6], revocable[7]),
    },
    bare: {
      name: "bare node:http",
      processes: 1,
      kind: "bare",
      child: bare.child,
      base: `http://127.0.0.1:${PORTS.bare}`,
      paths: { introspect: "/" },
      introspected: bare.tokens,
      auth: "",
    },
    // The one-process server again: issuance for an application with JWT access tokens, and per-API
    // introspection for an API with JWT to the backend (a JWT signed per call). Only in the extra sections.
    portcullisJwt: {
      name: "portcullis JWT",
      processes: 1,
      child: one,
      base: `http://127.0.0.1:${PORTS.portcullis}`,
      ...portcullis,
      authFor: {
        issue: basic(seeded.jwtClient.clientId, seeded.jwtClient.clientSecret),
        introspect_api: basic(seeded.gatewayClient.clientId, seeded.gatewayClient.clientSecret),
      },
      apiParams: new URLSearchParams({ api_context: seeded.jwtApi.context, api_version: seeded.jwtApi.version }).toString(),
    },
  };
}

/** Every target answers its own tokens as active before it is measured: a floor or peer that knows none of them would be fast and wrong. */
async function assertActive(targets: Target[]) {
  for (const t of targets) {
    const body = new URLSearchParams({ token: t.introspected[0] });
    const res = await fetch(t.base + t.paths.introspect, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: t.auth },
      body,
    });
    const answer = (await res.json()) as { active?: boolean };
    if (!answer.active) throw new Error(`${t.name} does not answer its tokens as active: ${res.status} ${JSON.stringify(answer)}`);
  }
}

const cacheOn = { on: false };
async function setCache(on: boolean) {
  if (on === cacheOn.on) return;
  await updateSettings({ change: { validation_cache: on, validation_cache_ttl: 300 }, actor: ADMIN });
  cacheOn.on = on;
  await new Promise((r) => setTimeout(r, 200)); // SQLite: the server sees it through data_version; PostgreSQL: the notice reaches it
}

/** A warm-up for each target (the JIT, pools, prepared statements), then ROUNDS rounds in which every target runs once, the order turning. */
async function runScenario(scenario: Scenario, targets: Target[]): Promise<{ rows: Row[]; warmUps: Row[] }> {
  const of = targets.filter((t) => t.paths[scenario]);
  const warmUps: Row[] = [];
  for (const t of of) warmUps.push(await load(t, scenario, WARM_UP_SECONDS, { warmUp: true }));
  const rows: Row[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < of.length; i++) {
      const row = await load(of[(i + round) % of.length], scenario, SECONDS);
      rows.push(row);
      console.log(
        `  [${ENGINE}] round ${round + 1} ${scenario.padEnd(10)} ${row.target.padEnd(28)} ${Math.round(row.rps)} req/s, ${row.errors} errors`,
      );
    }
  }

  return { rows, warmUps };
}

/** What the farm acknowledged against what Portcullis's revocations owed it, once the doors' first attempts are done. */
async function reportNotices(farm: Awaited<ReturnType<typeof startAckFarm>>, portcullisTargets: Target[], receivedBefore: number) {
  for (let i = 0; i < 100 && (await db.delivery.count({ where: { status: "pending" } })) > 0; i++)
    await new Promise((r) => setTimeout(r, 100));
  const revocations = portcullisTargets.reduce(
    (sum, t) =>
      sum + Math.min(t.revocable!.drawn, t.revocable!.tokens.length) + Math.min(t.warmRevocable!.drawn, t.warmRevocable!.tokens.length),
    0,
  );
  const received = (await farm.received()) - receivedBefore;
  const [deliveries, pending, events] = [
    await db.delivery.count(),
    await db.delivery.count({ where: { status: "pending" } }),
    await db.revocationEvent.count(),
  ];
  // Revocations committed together share an event (lib/data/store/split-events.ts): one notice per event and gateway.
  console.log(
    `\nNotices: the farm acknowledged ${received.toLocaleString()} for ${revocations.toLocaleString()} revocations × ${GATEWAYS} = ${(revocations * GATEWAYS).toLocaleString()} ` +
      `(${events.toLocaleString()} events × ${GATEWAYS} = ${deliveries.toLocaleString()} deliveries; ${pending.toLocaleString()} still pending)`,
  );
}

async function main() {
  if (!existsSync(".next/BUILD_ID") || !existsSync("dist/server.mjs")) throw new Error("no production build: run `npm run build` first");
  const prepared = await seed();
  const farm = await startAckFarm(Array.from({ length: GATEWAYS }, (_, i) => PORTS.farm + i));
  const targets = await startTargets(prepared);
  const measured = [
    targets.portcullis,
    targets.portcullisCluster,
    targets.peerOne,
    targets.peerCluster,
    targets.oidcMemory,
    targets.floorOne,
    targets.floorCluster,
    targets.bare,
  ];
  await assertActive(measured);

  const only = process.env.BENCH_ONLY; // e.g. "introspect"
  const summaries: Summary[] = [];
  for (const scenario of SCENARIOS.filter((s) => !only || s.startsWith(only))) {
    console.log(`[${ENGINE}] ${scenario}: ${await tableSize()} tokens in the table`);
    const receivedBefore = await farm.received();
    const { rows } = await runScenario(scenario, measured);
    for (const t of measured.filter((x) => x.paths[scenario]))
      summaries.push(
        summarize(
          scenario,
          t,
          rows.filter((r) => r.target === t.name),
        ),
      );
    if (scenario === "revoke") await reportNotices(farm, [targets.portcullis, targets.portcullisCluster], receivedBefore);
  }
  const wraps = measured
    .filter((t) => t.revocable?.drawn)
    .map((t) => `${t.name} ${t.revocable!.drawn.toLocaleString()} of ${t.revocable!.tokens.length.toLocaleString()}`);
  if (wraps.length) console.log(`Revoke pools drawn (more than the pool = wrapped): ${wraps.join("; ")}`);
  printTable(
    `Key manager, ${ENGINE}, ${LOAD_TOKENS.toLocaleString()} distinct tokens introspected in random order, ${GATEWAYS} acknowledging gateways, ` +
      `50 connections, ${ROUNDS} rounds × ${SECONDS} s after a ${WARM_UP_SECONDS} s warm-up each (medians); the peer is oidc-provider+redis, the floor node:http + ${ENGINE === "sqlite" ? "better-sqlite3" : "pg"}`,
    summaries,
  );

  console.log(`\n[${ENGINE}] extra sections: ${await tableSize()} tokens in the table (issuance, if it ran, added its own)`);
  if (!only || "introspect_api".startsWith(only)) {
    await alternate("introspect", targets.portcullis, "introspect_api", targets.portcullis, ROUNDS, SECONDS);
    await alternate("introspect_api", targets.portcullis, "introspect_api", targets.portcullisJwt, ROUNDS, SECONDS);
  }
  if (!only || "introspect_cached".startsWith(only)) await compareCache(targets.portcullis, targets.oidcMemory, setCache, ROUNDS, SECONDS);
  if (!only || "issue".startsWith(only)) await alternate("issue", targets.portcullis, "issue", targets.portcullisJwt, ROUNDS, SECONDS);
  if (!only) await signingCost();

  process.send!({ kind: "ratios", ratios: ratios(ENGINE, summaries) });
  const serversExit = Promise.all([targets.portcullis, targets.portcullisCluster].map((t) => new Promise((r) => t.child.once("exit", r))));
  for (const t of measured) t.child.kill();
  await serversExit; // lets a CPU profile be written
  process.exit(0);
}

await main();
