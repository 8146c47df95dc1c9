// The peer for `npm run bench`: oidc-provider with its example Redis adapter (ioredis) under node:cluster,
// WORKERS workers, as it runs in production when one process is not enough. The primary empties the Redis
// database (REDIS_URL), seeds TOKENS tokens through the provider's API, forks the workers, and hands the
// tokens to the parent over IPC once every worker listens. With WORKERS=1 the primary serves itself.
import { Redis } from "ioredis";
import cluster from "node:cluster";
import { benchProvider, seedProviderTokens } from "./oidc-provider-config.mjs";
import { redisAdapter } from "./redis-adapter.mjs";

const port = Number(process.env.PORT);
const workers = Number(process.env.WORKERS);
const client = new Redis(process.env.REDIS_URL);
const provider = benchProvider(port, redisAdapter(client));

if (cluster.isPrimary) {
  await client.flushdb();
  const tokens = await seedProviderTokens(provider, Number(process.env.TOKENS), 500);
  if (workers > 1) {
    let listening = 0;
    cluster.on("listening", () => ++listening === workers && process.send({ ready: true, tokens }));
    for (let i = 0; i < workers; i++) cluster.fork();
    process.on("SIGTERM", () => process.exit(0)); // the workers leave with the primary (their IPC channel closes)
  } else {
    provider.listen(port, "127.0.0.1", () => process.send({ ready: true, tokens }));
  }
} else {
  provider.listen(port, "127.0.0.1");
  process.on("disconnect", () => process.exit(0));
}
