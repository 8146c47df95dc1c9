// Starting the servers `npm run bench` loads, each stopped when the run ends (also when it fails).
import { fork, spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.kill()));
export const started = (child: ChildProcess) => (children.push(child), child);

// oidc-provider's advice about development keys and default policies, repeated by every worker: not the run's news.
const ADVICE = /^oidc-provider (WARNING|NOTICE):/;
const relay = (from: Readable, to: NodeJS.WriteStream) =>
  createInterface({ input: from }).on("line", (line) => ADVICE.test(line) || to.write(`${line}\n`));

/** Forks a bench script and resolves with its first IPC message (`{ ready, tokens? }`), once it serves. */
export function forkReady(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; tokens: string[] }> {
  const child = started(fork(script, { env: { ...process.env, NODE_ENV: "production", ...env }, silent: true }));
  relay(child.stdout!, process.stdout);
  relay(child.stderr!, process.stderr);
  return new Promise((resolve, reject) => {
    child.once("message", (m: { tokens?: string[] }) => resolve({ child, tokens: m.tokens ?? [] }));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/**
 * Portcullis as `npm start` runs it (the compiled dist/server.mjs) with `workers` workers (lib/doors/cluster), without the background jobs:
 * the purge and delivery retries are not what is measured. Each door still sends the notices of the revocations
 * it commits (lib/engine/notices/flush-notices.ts). BENCH_CPU_PROF=<dir> writes a V8 CPU profile (open it in Chrome DevTools).
 */
export function startPortcullis(port: number, workers: number) {
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

  return started(
    spawn(process.execPath, [...profile, "dist/server.mjs"], {
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
}
