import { MAX_BODY_BYTES, type Endpoint, type OAuthRequest } from "@/lib/doors/oauth/http-adapter";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import type { IncomingMessage, ServerResponse } from "node:http";

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

/** Feeds one key-manager endpoint straight from node:http; `url` is built from the issuer, not the Host header. */
export async function serveOAuth(req: IncomingMessage, res: ServerResponse, endpoint: Endpoint, url: string) {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const bytes = hasBody ? await readBody(req) : new Uint8Array();
  const request: OAuthRequest = {
    method: req.method ?? "GET",
    url,
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
