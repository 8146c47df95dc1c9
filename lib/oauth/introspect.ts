import { introspectToken } from "@/lib/tokens/introspect-token";
import { introspectRequestSchema } from "@/lib/tokens/schemas";
import { authenticateClient } from "./authenticate-client";
import { type OAuthRequest, type OAuthResult } from "./http-adapter";
import { issuer } from "./issuer";
import { parseParams } from "./parse-params";
import { readForm } from "./read-form";
import { oauthErrorResponse, oauthJson } from "./respond";

// POST /oauth2/introspect — RFC 7662. The caller authenticates as a client (§2.1).
export async function introspectEndpoint(req: OAuthRequest): Promise<OAuthResult> {
  try {
    const params = await readForm(req);
    const caller = await authenticateClient(req, params);
    const { token } = parseParams(introspectRequestSchema, params);

    return oauthJson(await introspectToken({ caller, token, issuer: issuer() }));
  } catch (err) {
    return oauthErrorResponse(err);
  }
}
