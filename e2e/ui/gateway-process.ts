import type { Page } from "@playwright/test";
import { spawn } from "node:child_process";
import http from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { BASE_URL } from "../../playwright.config";

// What the browser stories that go through a real reference gateway share: a free port, a tiny
// upstream, the gateway as its own process, and the signed-in admin's JSON calls.

/**
 * How long a gateway may still admit a token after the change. The aim is well under a second (npm run
 * bench:propagation measures it); on CI's two loaded cores it has taken just over one, so the stories
 * allow two. The caches hold answers for minutes: a notice that does not evict still fails.
 */
export const PROPAGATION_BUDGET_MS = 2_000;

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

type Upstream = { url: string; close: () => Promise<unknown> };

/** A tiny upstream: answers 200 with the path it was asked for, or what `answer` makes of the request. */
export async function startUpstream(answer?: (req: http.IncomingMessage) => Promise<{ status: number; body: unknown }>): Promise<Upstream> {
  const server = http.createServer(async (req, res) => {
    const { status, body } = answer ? await answer(req) : { status: 200, body: { path: req.url } };
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

/** The reference gateway as its own process, compiled as `npm run gateway` runs it, ready once its health answers. */
export async function startGatewayProcess(
  port: number,
  creds: { clientId: string; clientSecret: string; signingSecret: string },
  apis: string[],
  extra: string[] = [],
) {
  const child = spawn(
    process.execPath,
    ["dist/gateway.mjs", "--port", String(port), "--key-manager", BASE_URL, ...apis.flatMap((a) => ["--api", a]), "--quiet", ...extra],
    {
      env: {
        ...process.env,
        GATEWAY_CLIENT_ID: creds.clientId,
        GATEWAY_CLIENT_SECRET: creds.clientSecret,
        GATEWAY_SIGNING_SECRET: creds.signingSecret,
      },
      stdio: "ignore",
    },
  );
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const up = await fetch(`http://127.0.0.1:${port}/_gateway/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
  }
  child.kill();
  throw new Error("the reference gateway did not start");
}

/** fetch() inside the page with the signed-in admin's session. */
export const adminApi = <T>(page: Page, url: string, body?: unknown) =>
  page.evaluate(
    async ({ url, body }) => {
      const res = await fetch(url, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    { url, body },
  ) as Promise<T>;
