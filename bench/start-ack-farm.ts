// The gateways of `npm run bench`: bench/ack-farm.mjs (as bench:fanout runs it), one port per gateway, each
// acknowledging every notice; asked over IPC how many it received.
import { fork } from "node:child_process";
import { started } from "./start-targets";

export async function startAckFarm(ports: number[]) {
  const farm = started(fork("bench/ack-farm.mjs", { stdio: "inherit" }));
  await new Promise((r) => farm.once("message", r));
  const ask = <T>(message: object, reply: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { kind: string }) => m.kind === reply && (farm.off("message", on), resolve(m as T));
      farm.on("message", on);
      farm.send(message);
    });
  await ask({ kind: "start", ports }, "started");

  return { received: async () => (await ask<{ received: number }>({ kind: "count" }, "count")).received };
}
