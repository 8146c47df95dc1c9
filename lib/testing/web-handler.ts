import { payloadTooLarge } from "@/lib/base/oauth-errors";
import type { QueuedNotices } from "@/lib/data/store";
import { readLimitedBody } from "@/lib/doors/http/read-limited-body";
import { MAX_BODY_BYTES, type Endpoint, type OAuthRequest } from "@/lib/doors/oauth/http-adapter";

// Tests call the key manager's endpoints with web-standard Requests; production's one door is
// server.ts (lib/doors/http/serve-oauth.ts), whose own tests send real HTTP.

const fromWebRequest = (req: Request): OAuthRequest => ({
  method: req.method,
  url: req.url,
  headers: req.headers,
  body: () => readLimitedBody(req, MAX_BODY_BYTES, payloadTooLarge),
});

/** A web-standard `(Request) => Response` around an endpoint; `onNotices` gets what its transaction queued. */
export const webHandler = (endpoint: Endpoint, onNotices: (notices: QueuedNotices) => void) => async (req: Request) => {
  const { status, headers, body, notices } = await endpoint(fromWebRequest(req));
  if (notices) onNotices(notices);

  return new Response(body, { status, headers });
};
