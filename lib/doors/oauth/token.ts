import { clientIp } from "@/lib/base/client-ip";
import { OAuthError, unauthorizedClient } from "@/lib/base/oauth-errors";
import { exchangeCode } from "@/lib/grants/exchange-code";
import { passwordGrant } from "@/lib/grants/password-grant";
import { refreshTokens } from "@/lib/grants/refresh-tokens";
import { assertGrantableScopes } from "@/lib/grants/scopes";
import { issueToken } from "@/lib/tokens/issue-token";
import { tokenRequestSchema } from "@/lib/tokens/schemas";
import { authenticateClient } from "./authenticate-client";
import { type OAuthRequest, type OAuthResult } from "./http-adapter";
import { parseParams } from "./parse-params";
import { readForm } from "./read-form";
import { oauthErrorResponse, oauthJson } from "./respond";

// Public clients (no secret) may only redeem codes and refresh (RFC 9700 §2.1.1: with PKCE).
const PUBLIC_GRANTS = ["authorization_code", "refresh_token"];

// POST /oauth2/token — RFC 6749 §4.1.3 (authorization_code + RFC 7636), §4.3 (password, legacy), §4.4 (client_credentials), §6 (refresh_token).
export async function tokenEndpoint(req: OAuthRequest): Promise<OAuthResult> {
  try {
    const params = await readForm(req);
    const client = await authenticateClient(req, params, undefined, {
      allowPublic: PUBLIC_GRANTS.includes(params.get("grant_type") ?? ""),
    });
    const grant = parseParams(tokenRequestSchema, params);
    if (client.kind !== "app") throw unauthorizedClient("gateway clients may only introspect");
    if (!client.grantTypes.includes(grant.grant_type)) throw unauthorizedClient(`this client may not use the ${grant.grant_type} grant`);
    const ip = clientIp(req);
    const grantable = (requested: string[]) => assertGrantableScopes({ appId: client.appId!, requested, limit: client.allowedScopes });

    switch (grant.grant_type) {
      case "client_credentials": {
        const issued = await issueToken({
          clientId: client.id,
          subscriber: client.ownerId,
          appTtl: client.appAccessTokenTtl,
          tokenFormat: client.tokenFormat,
          scope: await grantable(grant.scope),
        });
        return oauthJson({
          access_token: issued.accessToken,
          token_type: issued.tokenType,
          expires_in: issued.expiresIn,
          ...(issued.scope.length ? { scope: issued.scope.join(" ") } : {}),
        });
      }
      case "authorization_code":
        return oauthJson(
          await exchangeCode({ client, code: grant.code, redirectUri: grant.redirect_uri, codeVerifier: grant.code_verifier, ip }),
        );
      case "refresh_token": {
        const { response, notices } = await refreshTokens({ client, refreshToken: grant.refresh_token, scope: grant.scope, ip });
        return { ...oauthJson(response), notices };
      }
      case "password": {
        const scope = await grantable(grant.scope);
        return oauthJson(await passwordGrant({ client, username: grant.username, password: grant.password, scope, ip }));
      }
    }
  } catch (err) {
    // A refused replay still revoked a family: its notices leave from the door like any other.
    return { ...oauthErrorResponse(err), notices: err instanceof OAuthError ? err.notices : undefined };
  }
}
