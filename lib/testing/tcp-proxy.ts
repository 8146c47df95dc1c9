import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP relay on a fixed port to a target port: `stop()` partitions (refuses and cuts every open
 * connection, keep-alive ones included), `start()` heals, on the same port.
 */
export async function startTcpProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const track = (s: Socket) => (sockets.add(s), s.on("close", () => sockets.delete(s)));

  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        track(client);
        const upstream = track(connect(targetPort, "127.0.0.1"));
        client.pipe(upstream).pipe(client);
        client.on("error", () => upstream.destroy());
        upstream.on("error", () => client.destroy());
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await start();

  return { port, url: `http://127.0.0.1:${port}`, start, stop };
}
