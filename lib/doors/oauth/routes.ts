import type { Endpoint } from "./http-adapter";
import { introspectEndpoint } from "./introspect";
import { jwksEndpoint } from "./jwks";
import { metadataEndpoint } from "./metadata";
import { revocationsEndpoint } from "./revocations";
import { revokeEndpoint } from "./revoke";
import { tokenEndpoint } from "./token";

/** The key manager's endpoints by path: served by server.ts directly and by app/ route handlers in `next dev`. */
export const OAUTH_ROUTES: Record<string, { method: "GET" | "POST"; handle: Endpoint }> = {
  "/oauth2/token": { method: "POST", handle: tokenEndpoint },
  "/oauth2/revoke": { method: "POST", handle: revokeEndpoint },
  "/oauth2/introspect": { method: "POST", handle: introspectEndpoint },
  "/oauth2/revocations": { method: "GET", handle: revocationsEndpoint },
  "/oauth2/jwks": { method: "GET", handle: jwksEndpoint },
  "/oauth2/metadata": { method: "GET", handle: metadataEndpoint },
  "/.well-known/oauth-authorization-server": { method: "GET", handle: metadataEndpoint },
};
