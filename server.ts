// The production front (and `npm run dev`): a node:http server that answers the key manager's
// hot endpoints itself and hands every other request to Next. Next's router costs ~1.5 ms of CPU
// per request, more than a token lookup; the same lib/oauth functions also back app/oauth2/* routes.
import { bootstrap } from "@/lib/bootstrap";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { startJobs } from "@/lib/jobs/start-jobs";
import { flushNotices } from "@/lib/notices/flush-notices";
import { MAX_BODY_BYTES, type Endpoint, type OAuthRequest } from "@/lib/oauth/http-adapter";
import { OAUTH_ROUTES } from "@/lib/oauth/routes";
import next from "next";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // this machine has no network to send it to
const trustProxy = process.env.TRUST_PROXY === "1";

function tagClientIp(req: IncomingMessage) {
  const forwarded = trustProxy
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")[0]
        .trim()
    : "";
  req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || "";
}

/**
 * Collects at most MAX_BODY_BYTES + 1 bytes, enough for readForm to refuse an oversized body; the
 * rest is drained and dropped so the client can still read the 413.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(Buffer.concat(chunks));
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function serveOAuth(req: IncomingMessage, res: ServerResponse, endpoint: Endpoint) {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const bytes = hasBody ? await readBody(req) : new Uint8Array();
  const request: OAuthRequest = {
    method: req.method ?? "GET",
    url: `http://${req.headers.host ?? "localhost"}${req.url}`,
    headers: { get: (name) => headerValue(req, name) },
    body: async () => bytes,
  };
  const { status, headers, body, notices } = await endpoint(request);
  const out: Record<string, string | number> = { ...headers, "Content-Length": body === null ? 0 : Buffer.byteLength(body) };
  if (bytes.byteLength > MAX_BODY_BYTES) out.Connection = "close";
  res.writeHead(status, out).end(body ?? undefined);
  if (notices) void flushNotices(notices); // the answer is on its way; never waits on gateways
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];

  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}

async function main() {
  await bootstrap();
  // next-auth builds callback URLs and picks Secure cookies from it: the public URL is the issuer.
  process.env.NEXTAUTH_URL ||= process.env.PORTCULLIS_ISSUER || `http://localhost:${env.PORT}`;
  const { PORT: port, HOSTNAME: hostname } = env;
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handleNext = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    tagClientIp(req);
    const path = (req.url ?? "/").split("?")[0];
    const route = OAUTH_ROUTES[path];
    if (route && req.method === route.method) {
      serveOAuth(req, res, route.handle).catch((err) => {
        console.error(err);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end('{"error":"server_error"}');
      });
      return;
    }
    handleNext(req, res);
  });
  // Longer than any load balancer's idle timeout, so a reused keep-alive connection is never closed under a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () =>
    console.log(`  Portcullis ${dev ? "(dev) " : ""}on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`),
  );

  // Delivery retries (and anything a stopped instance left behind) and the purge; `npm run worker` runs them apart.
  const stopWorker = process.env.PORTCULLIS_WORKER === "off" ? async () => {} : startJobs();
  const stop = () => server.close(() => void stopWorker().finally(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
