import { type OAuthResult } from "./http-adapter";
import { issuer } from "./issuer";
import { oauthJson } from "./respond";

const AUTH_METHODS = ["client_secret_basic", "client_secret_post"];

// GET /.well-known/oauth-authorization-server — RFC 8414 §3.
export async function metadataEndpoint(): Promise<OAuthResult> {
  const iss = issuer();

  return oauthJson(
    {
      issuer: iss,
      token_endpoint: `${iss}/oauth2/token`,
      revocation_endpoint: `${iss}/oauth2/revoke`,
      introspection_endpoint: `${iss}/oauth2/introspect`,
      grant_types_supported: ["client_credentials"],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: AUTH_METHODS,
      revocation_endpoint_auth_methods_supported: AUTH_METHODS,
      introspection_endpoint_auth_methods_supported: AUTH_METHODS,
    },
    200,
    { "Cache-Control": "public, max-age=300" },
  );
}
