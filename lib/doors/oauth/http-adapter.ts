import { payloadTooLarge } from "@/lib/base/oauth-errors";
import type { QueuedNotices } from "@/lib/data/store";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The little of HTTP the key manager's endpoints use. Both doors adapt to it: App Router routes
 * from web Request/Response, and server.ts straight from node:http — without undici's Request,
 * Response and web streams, which cost more CPU than the endpoint's own work.
 */
export type OAuthRequest = {
  method: string;
  url: string;
  headers: { get(name: string): string | null };
  body(): Promise<Uint8Array>; // throws a 413 OAuthError past MAX_BODY_BYTES
};
/** `notices`: what the request's transaction queued; the door flushes them once the answer is on its way. */
export type OAuthResult = { status: number; headers: Record<string, string>; body: string | null; notices?: QueuedNotices };
export type Endpoint = (req: OAuthRequest) => Promise<OAuthResult>;

async function readLimited(req: Request): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw payloadTooLarge();
    chunks.push(chunk);
  }

  return Buffer.concat(chunks);
}

const fromWebRequest = (req: Request): OAuthRequest => ({
  method: req.method,
  url: req.url,
  headers: req.headers,
  body: () => readLimited(req),
});

/** A web-standard `(Request) => Response` around an endpoint; `onNotices` gets what its transaction queued. */
export const webHandler = (endpoint: Endpoint, onNotices: (notices: QueuedNotices) => void) => async (req: Request) => {
  const { status, headers, body, notices } = await endpoint(fromWebRequest(req));
  if (notices) onNotices(notices);

  return new Response(body, { status, headers });
};
