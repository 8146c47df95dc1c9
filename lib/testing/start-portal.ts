import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

// A real portal instance (`server.ts` on the built app) for the fault suite's multi-instance tests:
// its own port, the test's database, one process, the worker polling fast.

export type PortalProcess = { url: string; pid: number; log: () => string; kill: (signal?: NodeJS.Signals) => Promise<void> };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export async function startPortal({ env = {}, nodeOptions = "" }: { env?: Record<string, string>; nodeOptions?: string } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // One process (not the tsx wrapper, which cannot pass a SIGKILL on to the server it starts).
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      PORTCULLIS_ISSUER: url,
      PORTCULLIS_WORKER_POLL_MS: "200",
      PORTCULLIS_WORKERS: "1", // an instance is one process unless a test asks for a cluster
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${nodeOptions}`.trim(),
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`portal exited: ${output}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 240) throw new Error(`portal did not come up: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    pid: child.pid!,
    log: () => output,
    async kill(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await once(child, "exit");
    },
  } satisfies PortalProcess;
}
