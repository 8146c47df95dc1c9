// Child process of `npm run bench:fanout`: N gateways that acknowledge every notice (204), one port
// each, as N gateways are N origins to the key manager. They verify nothing: their work stays small,
// so the cores measure the key manager's fan-out, not the receivers. Counts what it received.
import { createServer } from "node:http";

const servers = [];
let received = 0;

process.on("message", async (m) => {
  if (m.kind === "start") {
    await Promise.all(
      m.ports.map(
        (port) =>
          new Promise((resolve) => {
            const server = createServer((req, res) => {
              req.resume();
              req.on("end", () => {
                received++;
                res.writeHead(204).end();
              });
            });
            servers.push(server);
            server.listen(port, "127.0.0.1", resolve);
          }),
      ),
    );
    process.send({ kind: "started" });
  } else if (m.kind === "count") {
    process.send({ kind: "count", received });
  } else {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    process.exit(0);
  }
});
process.send({ kind: "ready" });
