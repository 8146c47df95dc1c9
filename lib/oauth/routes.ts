import { introspect } from "./introspect";
import { metadata } from "./metadata";
import { revocations } from "./revocations";
import { revoke } from "./revoke";
import { token } from "./token";

/** The key manager's endpoints by path: served by server.ts directly and by app/ route handlers in `next dev`. */
export const OAUTH_ROUTES: Record<string, { method: "GET" | "POST"; handle: (req: Request) => Promise<Response> }> = {
  "/oauth2/token": { method: "POST", handle: token },
  "/oauth2/revoke": { method: "POST", handle: revoke },
  "/oauth2/introspect": { method: "POST", handle: introspect },
  "/oauth2/revocations": { method: "GET", handle: revocations },
  "/oauth2/metadata": { method: "GET", handle: metadata },
  "/.well-known/oauth-authorization-server": { method: "GET", handle: metadata },
};
