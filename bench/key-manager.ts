// npm run bench — the key manager's hot paths under load (issuance, introspection, revocation with three
// acknowledging gateways), beside oidc-provider + Redis under node:cluster (the peer), oidc-provider in memory
// (a reference), a bare node + driver floor per engine, and a bare node:http floor; one load generator
// (autocannon, 50 connections), the targets alternating in rounds. BENCH_ENGINES=sqlite,postgresql runs both
// engines, each in its own process (bench/engine-bench.ts) on a fresh database (BENCH_PG_URL for PostgreSQL).
// Needs a production build (`npm run build`; made here when missing). Prints tables, then one line per engine
// and scenario for scripts: `ratio <engine> <scenario> vs_peer=<x> vs_floor=<y> wrapped=<yes|no>`. Asserts nothing.
import { fork, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { freshPostgres, freshSqlite } from "./bench-database";
import { ratioLine, type Ratio } from "./report";

const setEngine = process.env.DATABASE_URL?.startsWith("postgres") ? "postgresql" : "sqlite";
const ENGINES = (process.env.BENCH_ENGINES ?? setEngine).split(",").map((e) => e.trim());
// Never the database DATABASE_URL names: this one is dropped at every run.
const defaultPgUrl = () => {
  const url = new URL(process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgresql://postgres@127.0.0.1:5432");
  url.pathname = "/portcullis_bench";
  return url.toString();
};
const PG_URL = process.env.BENCH_PG_URL ?? defaultPgUrl();

function runEngine(engine: string, databaseUrl: string): Promise<Ratio[]> {
  const child = fork("bench/engine-bench.ts", {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES: "allow", // the gateways listen on 127.0.0.1
    },
  });
  process.on("exit", () => child.kill());
  let ratios: Ratio[] = [];
  child.on("message", (m: { kind: string; ratios: Ratio[] }) => m.kind === "ratios" && (ratios = m.ratios));

  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve(ratios) : reject(new Error(`the ${engine} run exited with ${code}`)))),
  );
}

if (!existsSync(".next/BUILD_ID") || !existsSync("dist/server.mjs")) {
  if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) throw new Error("npm run build failed");
}
const all: Ratio[] = [];
for (const engine of ENGINES) {
  if (engine !== "sqlite" && engine !== "postgresql") throw new Error(`BENCH_ENGINES: unknown engine ${engine}`);
  const url = engine === "sqlite" ? freshSqlite() : await freshPostgres(PG_URL);
  all.push(...(await runEngine(engine, url)));
}
// Both sides of each ratio have the same cores: the best Portcullis target against the peer and the driver floor with its process count.
console.log("\nBest Portcullis target per engine and scenario:", all.map((r) => `${r.engine} ${r.scenario}: ${r.best}`).join("; "));
for (const r of all) console.log(ratioLine(r));
