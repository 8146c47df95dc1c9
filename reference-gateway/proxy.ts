import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { pipeline } from "node:stream";
import { sendJson } from "./send-json";

// RFC 9110 §7.6.1: connection-specific fields are not forwarded; Authorization is ours, not the upstream's.
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

function forwardable(headers: IncomingHttpHeaders, drop: string[]): IncomingHttpHeaders {
  const named = String(headers.connection ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase());
  const out = { ...headers };
  for (const name of [...HOP_BY_HOP, ...drop, ...named]) delete out[name];

  return out;
}

/** Streams the request to the upstream and its answer back; 502 when the upstream cannot be reached. */
export function createProxy(upstream: string, jwtHeader = "x-jwt-assertion") {
  const base = new URL(upstream);
  const client = base.protocol === "https:" ? https : http;
  const agent = new client.Agent({ keepAlive: true });
  const basePath = base.pathname.replace(/\/$/, "");

  /** `path` is what the upstream sees: the request's own, or what follows an API's context and version. */
  const forward = (req: IncomingMessage, res: ServerResponse, path = req.url ?? "/", backendJwt?: string) => {
    // The JWT header is the key manager's word, never the client's: a client's own is dropped.
    const headers = forwardable(req.headers, ["authorization", "host", jwtHeader]);
    if (backendJwt) headers[jwtHeader] = backendJwt;
    const remote = req.socket.remoteAddress ?? "";
    headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${remote}` : remote;
    headers["x-forwarded-host"] = req.headers.host ?? "";
    headers["x-forwarded-proto"] = "http";
    const outgoing = client.request({
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port,
      method: req.method,
      path: basePath + path,
      headers,
      agent,
    });
    outgoing.on("response", (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, forwardable(upstreamRes.headers, []));
      pipeline(upstreamRes, res, () => {});
    });
    outgoing.on("error", () => {
      if (!res.headersSent) sendJson(res, 502, { error: "bad_gateway" });
      else res.destroy();
    });
    res.on("close", () => {
      if (!res.writableFinished) outgoing.destroy(); // the client went away: stop the upstream work too
    });
    // pipe, not pipeline: an upstream error must not destroy the client socket before the 502 is written.
    req.pipe(outgoing);
  };

  return { forward, close: () => agent.destroy() };
}
