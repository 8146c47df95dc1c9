import { Redis } from "ioredis";
import { connect, createServer, type Socket } from "node:net";

// The Redis the gateway tests count tier limits in: the machine's (and CI's), or REDIS_URL.
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export const redisReachable = () =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(REDIS_URL);
    const socket = connect(Number(port || 6379), hostname)
      .once("connect", () => (socket.destroy(), resolve(true)))
      .once("error", () => resolve(false));
  });

/** Deletes every key under a test's prefix (the day windows would otherwise stay 24 h). */
export async function dropKeys(prefix: string) {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/**
 * A TCP relay in front of Redis on a port of its own: `cut()` drops every connection and refuses new
 * ones, as a Redis that went away would; `restore()` relays again on the same port.
 */
export async function startRedisRelay() {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once("close", () => sockets.delete(s)).on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const { port } = server.address() as { port: number };

  return {
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: () => listen(port),
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
