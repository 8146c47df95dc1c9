// npm run bench:purge — seeds 1,000,000 dead and 100,000 live tokens (SQLite by default; the
// database DATABASE_URL names otherwise), measures introspection idle, then again while a purge
// runs (as `portcullis tokens purge`, in its own process, as the worker would), and prints the
// purge's duration and rows/s next to introspection p99 idle and during the purge.
import { operatorActor } from "@/lib/engine/identity/actor.shared";
import autocannon from "autocannon";
import { execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { promisify } from "node:util";
import { waitFor } from "./wait-for";

const DEAD = Number(process.env.BENCH_DEAD ?? 1_000_000);
const LIVE = Number(process.env.BENCH_LIVE ?? 100_000);
const PORT = 3412;
const BASE = `http://127.0.0.1:${PORT}`;

process.env.DATABASE_URL ??= "file:./data/bench-purge/portcullis.db";
const postgres = process.env.DATABASE_URL.startsWith("postgres");
if (!postgres) {
  rmSync("data/bench-purge", { recursive: true, force: true });
  mkdirSync("data/bench-purge", { recursive: true });
}
const { migrate } = await import("@/lib/data/db/migrate");
const { db } = await import("@/lib/data/db/client");
const { createApp } = await import("@/lib/apps/create-app");
const { seedTokens } = await import("./seed-tokens");

function introspectionLoad(tokens: string[], auth: string, seconds: number) {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${BASE}/oauth2/introspect`,
        connections: 20,
        duration: seconds,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth },
            setupRequest: (req: autocannon.Request) => ({ ...req, body: `token=${tokens[Math.floor(Math.random() * tokens.length)]}` }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });

  return { stop: () => instance?.stop(), done };
}

await migrate(process.env.DATABASE_URL);
if (!existsSync(".next/BUILD_ID")) throw new Error("run `npm run build` first: the benchmark starts the production server");
const owner = await db.user.create({ data: { email: `purge-${randomUUID()}@bench.local`, passwordHash: "-" } });
const app = await createApp({ actor: operatorActor("bench"), ownerId: owner.id, name: "purge bench" });
console.log(`seeding ${DEAD.toLocaleString()} dead and ${LIVE.toLocaleString()} live tokens…`);
const seedStart = Date.now();
const live = await seedTokens({ clientId: app.clientId, dead: DEAD, live: LIVE });
console.log(`  seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

const server = spawn("node_modules/.bin/tsx", ["server.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    PORTCULLIS_PURGE_INTERVAL_MS: String(24 * 3_600_000),
  },
  stdio: ["ignore", "ignore", "inherit"],
});
await waitFor(`${BASE}/api/health`);
const auth = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64")}`;

await introspectionLoad(live, auth, 3).done; // warm up
const idle = await introspectionLoad(live, auth, 10).done;

const during = introspectionLoad(live, auth, 600);
await new Promise((r) => setTimeout(r, 1_000));
const purged = promisify(execFile)("node", ["bin/portcullis.mjs", "tokens", "purge", "--json"], { env: process.env, maxBuffer: 1 << 20 });
const { stdout } = await purged;
during.stop();
const busy = await during.done;
const purge = JSON.parse(stdout) as { deleted_tokens: number; deleted_events: number; duration_ms: number };
const left = await db.token.count({ where: { clientId: app.clientId } });

const engine = postgres ? "PostgreSQL" : "SQLite";
console.log(
  `\nPurge, ${engine}: ${DEAD.toLocaleString()} dead + ${LIVE.toLocaleString()} live tokens, introspection under load (20 connections) throughout\n`,
);
console.log("| measure | value |");
console.log("|---|---:|");
console.log(`| rows deleted | ${purge.deleted_tokens.toLocaleString()} (live tokens left: ${left.toLocaleString()}) |`);
console.log(`| purge duration | ${(purge.duration_ms / 1000).toFixed(2)} s |`);
console.log(`| purge rate | ${Math.round(purge.deleted_tokens / (purge.duration_ms / 1000)).toLocaleString()} rows/s |`);
console.log(
  `| introspection idle: req/s, p50, p99 | ${Math.round(idle.requests.average)}, ${idle.latency.p50} ms, ${idle.latency.p99} ms |`,
);
console.log(
  `| introspection during purge: req/s, p50, p99 | ${Math.round(busy.requests.average)}, ${busy.latency.p50} ms, ${busy.latency.p99} ms |`,
);
console.log(`| p99 during / idle | ${(busy.latency.p99 / idle.latency.p99).toFixed(2)}× |`);
console.log(`| errors (idle, during) | ${idle.errors + idle.non2xx}, ${busy.errors + busy.non2xx} |`);
server.kill();
process.exit(0);
