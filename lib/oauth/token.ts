import { issueToken } from "@/lib/tokens/issue-token";
import { isValidScopeToken, tokenRequestSchema } from "@/lib/tokens/schemas";
import { authenticateClient } from "./authenticate-client";
import { invalidScope, unauthorizedClient } from "./errors";
import { type OAuthRequest, type OAuthResult } from "./http-adapter";
import { parseParams } from "./parse-params";
import { readForm } from "./read-form";
import { oauthErrorResponse, oauthJson } from "./respond";

// POST /oauth2/token — RFC 6749 §4.4 (client_credentials).
export async function tokenEndpoint(req: OAuthRequest): Promise<OAuthResult> {
  try {
    const params = await readForm(req);
    const client = await authenticateClient(req, params);
    const grant = parseParams(tokenRequestSchema, params);
    if (client.kind !== "app") throw unauthorizedClient("gateway clients may only introspect");
    if (!grant.scope.every(isValidScopeToken)) throw invalidScope();
    const issued = await issueToken({
      clientId: client.id,
      subscriber: client.ownerId,
      appTtl: client.appAccessTokenTtl,
      scope: grant.scope,
    });

    return oauthJson({
      access_token: issued.accessToken,
      token_type: issued.tokenType,
      expires_in: issued.expiresIn,
      ...(issued.scope.length ? { scope: issued.scope.join(" ") } : {}),
    });
  } catch (err) {
    return oauthErrorResponse(err);
  }
}
