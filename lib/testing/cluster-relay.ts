// A real node:cluster for lib/data/bus/cluster-bus.fault.test.ts: the primary relays the bus, one worker
// tells its siblings of commits as fast as it can, and the primary kills the other worker again and again.
// Prints "kills <n>" and exits 0 if the primary outlived every kill.
import { relayBetweenWorkers, tellOtherWorkers } from "@/lib/data/bus/cluster-bus";
import cluster from "node:cluster";

const KILLS = Number(process.env.KILLS ?? 20);

if (cluster.isPrimary) {
  relayBetweenWorkers();
  cluster.fork({ ROLE: "talker" });
  let kills = 0;
  const killNext = () => {
    const listener = cluster.fork({ ROLE: "listener" });
    listener.on("message", () => {
      // Heard its first relayed message: it is fully connected. Kill it while the talker goes on.
      listener.removeAllListeners("message");
      listener.process.kill("SIGKILL");
    });
    listener.on("exit", () => (++kills < KILLS ? killNext() : (console.log(`kills ${kills}`), process.exit(0))));
  };
  killNext();
} else if (process.env.ROLE === "talker") {
  const talk = () => {
    for (let i = 0; i < 50; i++) tellOtherWorkers({ from: "talker", type: "token.revoked", first: i, last: i });
    setImmediate(talk);
  };
  talk();
} else {
  process.on("message", () => process.send?.("heard"));
}
