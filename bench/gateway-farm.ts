// Child process of `npm run bench:propagation`: runs N reference gateways (one port each, one process
// for all of them) and an echo upstream, and answers the parent over IPC. Kept apart from the key
// manager's process, as in production.
import { createGateway } from "@/reference-gateway/create-gateway";
import { startEchoUpstream } from "@/reference-gateway/testing/echo-upstream";

type GatewaySpec = { port: number; clientId: string; clientSecret: string; signingSecret: string };
type Message =
  | { kind: "start"; keyManager: string; gateways: GatewaySpec[] }
  | { kind: "await-eviction"; hash: string; timeoutMs: number }
  | { kind: "stop"; indexes: number[] }
  | { kind: "restart"; indexes: number[] }
  | { kind: "exit" };

const upstream = await startEchoUpstream();
let keyManager = "";
let specs: GatewaySpec[] = [];
let gateways: (ReturnType<typeof createGateway> | null)[] = [];

const launch = async (spec: GatewaySpec) => {
  const gw = createGateway({ ...spec, upstream: upstream.url, keyManager, ttl: 300, quiet: true, host: "127.0.0.1" });
  await gw.listen();

  return gw;
};

process.on("message", async (m: Message) => {
  if (m.kind === "start") {
    keyManager = m.keyManager;
    specs = m.gateways;
    gateways = await Promise.all(specs.map(launch));
    process.send!({ kind: "started" });
  } else if (m.kind === "await-eviction") {
    // Poll in-process (no HTTP) until every running gateway has evicted the hash; report their times.
    const deadline = Date.now() + m.timeoutMs;
    const running = gateways.filter((g) => g !== null);
    const poll = () => {
      const times = running.map((g) => g!.stats().evictions[m.hash]);
      if (times.every((t) => t !== undefined) || Date.now() > deadline) process.send!({ kind: "evicted", times });
      else setTimeout(poll, 1);
    };
    poll();
  } else if (m.kind === "stop") {
    await Promise.all(m.indexes.map((i) => gateways[i]?.close()));
    for (const i of m.indexes) gateways[i] = null;
    process.send!({ kind: "stopped" });
  } else if (m.kind === "restart") {
    // Back on the same port with the same credentials and an empty cache, as after a restart.
    await Promise.all(m.indexes.map(async (i) => (gateways[i] = await launch(specs[i]))));
    process.send!({ kind: "restarted" });
  } else {
    await Promise.all(gateways.map((g) => g?.close()));
    await upstream.close();
    process.exit(0);
  }
});
process.send!({ kind: "ready" });
