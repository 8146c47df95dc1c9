import { GRANT_TYPES } from "@/lib/base/grant-types.shared";
import { issuer } from "@/lib/base/issuer";
import { store } from "@/lib/data/store";
import { type OAuthResult } from "./http-adapter";
import { oauthJson } from "./respond";

const AUTH_METHODS = ["client_secret_basic", "client_secret_post"];

// GET /.well-known/oauth-authorization-server — RFC 8414 §3. Advertises exactly what is supported.
export async function metadataEndpoint(): Promise<OAuthResult> {
  const iss = issuer();
  const scopes = await store().listScopeNames(); // the driver store: server.ts answers this without Prisma

  return oauthJson(
    {
      issuer: iss,
      authorization_endpoint: `${iss}/oauth2/authorize`,
      token_endpoint: `${iss}/oauth2/token`,
      revocation_endpoint: `${iss}/oauth2/revoke`,
      introspection_endpoint: `${iss}/oauth2/introspect`,
      jwks_uri: `${iss}/oauth2/jwks`,
      grant_types_supported: [...GRANT_TYPES],
      response_types_supported: ["code"],
      response_modes_supported: ["query"],
      code_challenge_methods_supported: ["S256"],
      authorization_response_iss_parameter_supported: true,
      scopes_supported: scopes,
      token_endpoint_auth_methods_supported: [...AUTH_METHODS, "none"],
      revocation_endpoint_auth_methods_supported: [...AUTH_METHODS, "none"],
      introspection_endpoint_auth_methods_supported: AUTH_METHODS,
    },
    200,
    { "Cache-Control": "public, max-age=300" },
  );
}
