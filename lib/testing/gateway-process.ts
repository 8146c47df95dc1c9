import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

// The reference gateway as its own process (`npm run gateway`), for tests that need a real one
// in front of the key manager: its own port, the credentials of a registered gateway.

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

type GatewayProcessOptions = {
  port: number;
  keyManager: string;
  upstream: string;
  creds: { clientId: string; clientSecret: string; signingSecret: string };
  extra?: string[];
};

/** Starts it and resolves once its health answers; `stats()` reads /_gateway/stats (allowed from loopback). */
export async function startGatewayProcess({ port, keyManager, upstream, creds, extra = [] }: GatewayProcessOptions) {
  const args = ["reference-gateway/main.ts", "--port", String(port), "--key-manager", keyManager, "--upstream", upstream, ...extra];
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: {
      ...process.env,
      GATEWAY_CLIENT_ID: creds.clientId,
      GATEWAY_CLIENT_SECRET: creds.clientSecret,
      GATEWAY_SIGNING_SECRET: creds.signingSecret,
    },
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 100))) {
    if (child.exitCode !== null) throw new Error(`the reference gateway exited: ${output}`);
    if (
      await fetch(`${url}/_gateway/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`the reference gateway did not start: ${output}`);
  }

  return {
    url,
    log: () => output,
    call: (token: string, path = "/things") => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } }),
    stats: async () => (await fetch(`${url}/_gateway/stats`)).json() as Promise<Record<string, unknown>>,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
