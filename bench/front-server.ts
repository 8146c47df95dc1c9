// The key manager for `npm run bench:propagation` when there is no Next build: server.ts's node:http
// front (the same createFront, answering every /oauth2/* path itself) and its background jobs, in one
// process, with a 404 where Next would be. What the bench measures never reaches Next.
import { bootstrap } from "@/lib/doors/bootstrap";
import { answerClientError, createFront, refuseExpectation } from "@/lib/doors/http/front";
import { startJobs } from "@/lib/doors/jobs/start-jobs";
import { startUsageFlush } from "@/lib/doors/jobs/usage-flush";
import { listenForRevocationsElsewhere } from "@/lib/engine/notices/listen-for-revocations";
import { startValidationCache } from "@/lib/engine/validation-cache/watch-changes";
import { createServer } from "node:http";

await bootstrap({ log: () => {} });
const notNext = (_req: unknown, res: import("node:http").ServerResponse) => void res.writeHead(404).end();
const server = createServer(createFront({ handleNext: notNext, trustedHops: 0 }))
  .on("clientError", answerClientError)
  .on("checkExpectation", refuseExpectation);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), process.env.HOSTNAME ?? "127.0.0.1");
const stops = [startJobs(), listenForRevocationsElsewhere(), startUsageFlush(), startValidationCache()];
process.once("SIGTERM", () => server.close(() => void Promise.all(stops.map((stop) => stop())).finally(() => process.exit(0))));
