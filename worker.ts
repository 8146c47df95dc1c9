// npm run worker — the background jobs without the web server, for deployments that run them
// apart (then start the portal with PORTCULLIS_WORKER=off). Delivery is at-least-once and leased,
// so any number of workers and portal instances can run together.
import { bootstrap } from "@/lib/doors/bootstrap";
import { startJobs } from "@/lib/doors/jobs/start-jobs";

await bootstrap();
const stop = startJobs();
console.log("  Portcullis worker running");
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop().finally(() => process.exit(0)));
