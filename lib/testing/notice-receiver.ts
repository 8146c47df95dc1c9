import { GATEWAY_HEARTBEAT } from "@/lib/base/contract.shared";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedNotice = { headers: IncomingHttpHeaders; body: string; at: number };
// "fail-notices": acknowledges heartbeats, answers notices 500; "busy": 429 with Retry-After: 120;
// "gone": 410, the way a gateway says "stop sending"; "flaky": a notice in three answered 500 (heartbeats acknowledged);
// "unsigned": 401, as a gateway whose signature check failed.
type Mode = "ok" | "slow" | "fail" | "fail-notices" | "hang" | "busy" | "gone" | "flaky" | "unsigned";

/**
 * A real HTTP endpoint standing in for a gateway's revoke URL: records notices, and can be slow, fail (all, or
 * notices only) or hang.
 * Heartbeats (which carry the latest sequence too) are kept apart, so that counting an event's notices
 * never counts the beats of a portal process that happens to run its jobs meanwhile.
 */
export async function startNoticeReceiver() {
  const received: ReceivedNotice[] = [];
  const heartbeats: ReceivedNotice[] = [];
  let mode: Mode = "ok";
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (mode === "hang") return; // never answers; the sender's timeout must fire
      const heartbeat = typeOf(body) === GATEWAY_HEARTBEAT;
      (heartbeat ? heartbeats : received).push({ headers: req.headers, body, at: Date.now() });
      if (mode === "slow")
        setTimeout(() => res.writeHead(204).end(), 500); // acknowledges, half a second later
      else if (mode === "busy") res.writeHead(429, { "retry-after": "120" }).end();
      else if (mode === "unsigned") res.writeHead(401).end();
      else if (mode === "flaky") res.writeHead(heartbeat || Math.random() >= 1 / 3 ? 204 : 500).end();
      else res.writeHead(mode === "ok" || (mode === "fail-notices" && heartbeat) ? 204 : mode === "gone" ? 410 : 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/portcullis/revoke`,
    received,
    heartbeats,
    setMode: (m: Mode) => void (mode = m),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function typeOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { type?: unknown }).type;
  } catch {
    return undefined; // not a notice at all: recorded as received, for the test to see
  }
}

/** Polls until `check` passes or the deadline ends; returns its last value. */
export async function eventually<T>(check: () => T | Promise<T>, { timeoutMs = 5_000 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}
