import { payloadTooLarge } from "@/lib/base/oauth-errors";
import type { QueuedNotices } from "@/lib/data/store";
import { MAX_BODY_BYTES, type Endpoint, type OAuthRequest } from "@/lib/doors/oauth/http-adapter";

// Tests call the key manager's endpoints with web-standard Requests; production's one door is
// server.ts (lib/doors/http/serve-oauth.ts), whose own tests send real HTTP.

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
