// Child process of `npm run bench:propagation`: runs N reference gateways (and an echo upstream)
// and answers the parent over IPC. Kept apart from the key manager's process, as in production.
import { createGateway } from "@/reference-gateway/create-gateway";
import { startEchoUpstream } from "@/reference-gateway/testing/echo-upstream";

type GatewaySpec = { port: number; clientId: string; clientSecret: string; signingSecret: string };
type Message =
  | { kind: "start"; keyManager: string; gateways: GatewaySpec[] }
  | { kind: "await-eviction"; hash: string; timeoutMs: number }
  | { kind: "stop"; index: number }
  | { kind: "exit" };

const upstream = await startEchoUpstream();
let gateways: (ReturnType<typeof createGateway> | null)[] = [];

process.on("message", async (m: Message) => {
  if (m.kind === "start") {
    gateways = m.gateways.map((g) =>
      createGateway({ ...g, upstream: upstream.url, keyManager: m.keyManager, ttl: 300, quiet: true, host: "127.0.0.1" }),
    );
    await Promise.all(gateways.map((g) => g!.listen()));
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
    await gateways[m.index]?.close();
    gateways[m.index] = null;
    process.send!({ kind: "stopped" });
  } else {
    await Promise.all(gateways.map((g) => g?.close()));
    await upstream.close();
    process.exit(0);
  }
});
process.send!({ kind: "ready" });
