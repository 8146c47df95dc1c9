// The production front (and `npm run dev`): a node:http server that answers the key manager's
// hot endpoints itself and hands every other request to Next. Next's router costs ~1.5 ms of CPU
// per request, more than a token lookup; the same lib/doors/oauth functions also back app/oauth2/* routes.
import { trustedHops } from "@/lib/base/client-ip";
import { env } from "@/lib/base/env";
import { issuer } from "@/lib/base/issuer";
import { bootstrap } from "@/lib/doors/bootstrap";
import { runPrimary } from "@/lib/doors/cluster/run-primary";
import { workerCount } from "@/lib/doors/cluster/worker-count";
import { answerClientError, createFront, refuseExpectation } from "@/lib/doors/http/front";
import { devWarmUp } from "@/lib/doors/http/warm-dev-pages";
import { startJobs } from "@/lib/doors/jobs/start-jobs";
import { startUsageFlush } from "@/lib/doors/jobs/usage-flush";
import { listenForRevocationsElsewhere } from "@/lib/engine/notices/listen-for-revocations";
import { startValidationCache } from "@/lib/engine/validation-cache/watch-changes";
import next from "next";
import cluster from "node:cluster";
import { createServer } from "node:http";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // this machine has no network to send it to

async function main() {
  const workers = dev ? 1 : workerCount();
  if (cluster.isPrimary && workers > 1) {
    await bootstrap(); // migrations and the admin once, before any worker starts; the workers inherit NEXTAUTH_SECRET
    runPrimary(workers, { onListening: (at) => console.log(`  Portcullis on http://${at} (${workers} workers)`) });
    return;
  }
  await bootstrap(cluster.isWorker ? { log: () => {} } : undefined);
  // next-auth builds callback URLs and picks Secure cookies from it: the public URL is the issuer.
  process.env.NEXTAUTH_URL ||= issuer();
  const { PORT: port, HOSTNAME: hostname } = env;
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handleNext = app.getRequestHandler();
  await app.prepare();

  const warmUp = dev ? devWarmUp() : null; // pages wait until the first ones are compiled
  const server = createServer(createFront({ handleNext: warmUp ? warmUp.hold(handleNext) : handleNext, trustedHops: trustedHops() }))
    .on("clientError", answerClientError)
    .on("checkExpectation", refuseExpectation);
  // Longer than any load balancer's idle timeout, so a reused keep-alive connection is never closed under a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Next keeps a process alive after an uncaught exception: a port that cannot be had must end it.
  server.once("error", (err) => {
    console.error(`  Portcullis cannot listen on ${hostname}:${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    const at = `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;
    if (cluster.isPrimary) console.log(`  Portcullis ${dev ? "(dev) " : ""}on ${at}${warmUp ? ", compiling the first pages" : ""}`);
    if (warmUp) void warmUp.start(at, (line) => console.log(line));
  });

  // Delivery retries (and anything a stopped instance left behind) and the purge; `npm run worker` runs them apart.
  const stopWorker = process.env.PORTCULLIS_WORKER === "off" ? async () => {} : startJobs();
  // Other instances' revocations, for this instance's race re-send (README, "Gateways": the in-flight race).
  const stopListening = listenForRevocationsElsewhere();
  const stopUsage = startUsageFlush(); // this process's last-used times and introspection counts
  const stopCache = startValidationCache(); // the key manager's validation cache hears of other processes' changes
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void Promise.all([stopWorker(), stopListening(), stopUsage(), stopCache()]).finally(() => process.exit(0)));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.once("disconnect", stop); // a cluster worker whose primary is gone serves nobody
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
