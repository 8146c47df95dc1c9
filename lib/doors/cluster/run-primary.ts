import { relayBetweenWorkers } from "@/lib/data/bus/cluster-bus";
import cluster, { type Worker } from "node:cluster";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";

const RESTART_DELAY_MS = 1_000; // a worker that keeps dying must not become a busy fork loop

/**
 * The primary of a server with several workers: it serves nothing itself. It holds the workers'
 * shared sign-in limits, relays their bus messages (SQLite's instance bus), replaces a worker that
 * dies, and passes SIGTERM on. One worker runs the background jobs, unless PORTCULLIS_WORKER=off
 * runs them elsewhere; the leases would keep two from sending a notice twice, but one is enough.
 */
export function runPrimary(count: number, { onListening }: { onListening: (address: string) => void }): void {
  new RateLimiterClusterMaster();
  relayBetweenWorkers();
  let stopping = false;
  let up = false; // every worker listened once: from then on, a worker that dies is replaced
  const jobsOff = process.env.PORTCULLIS_WORKER === "off";

  const stop = (exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    if (workers.length === 0) process.exit(exitCode);
    let left = workers.length;
    for (const w of workers) {
      w.once("exit", () => --left === 0 && process.exit(exitCode));
      w.process.kill("SIGTERM");
    }
  };

  const fork = (runsJobs: boolean): Worker => {
    const worker = cluster.fork({ PORTCULLIS_WORKER: runsJobs && !jobsOff ? "on" : "off" });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      // A worker that cannot start (the port taken, the database unreachable) would fail again: stop, as one process would.
      if (!up) return void (console.error(`  a worker failed to start (${signal ?? `exit ${code}`}); stopping`), stop(1));
      console.error(`  worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`);
      setTimeout(() => fork(runsJobs), RESTART_DELAY_MS).unref();
    });
    return worker;
  };
  for (let i = 0; i < count; i++) fork(i === 0);

  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    if (++listening !== count) return;
    up = true;
    onListening(`${address.address === "0.0.0.0" ? "localhost" : address.address}:${address.port}`);
  });

  process.once("SIGTERM", () => stop());
  process.once("SIGINT", () => stop());
}
