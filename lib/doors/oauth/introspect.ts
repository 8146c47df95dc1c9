import { issuer } from "@/lib/base/issuer";
import { introspectCached } from "@/lib/engine/validation-cache/introspect-cached";
import { introspectRequestSchema } from "@/lib/tokens/schemas";
import { authenticateClient } from "./authenticate-client";
import { type OAuthRequest, type OAuthResult } from "./http-adapter";
import { parseParams } from "./parse-params";
import { readForm } from "./read-form";
import { oauthErrorResponse, oauthJson } from "./respond";

// POST /oauth2/introspect — RFC 7662. The caller authenticates as a client (§2.1).
export async function introspectEndpoint(req: OAuthRequest): Promise<OAuthResult> {
  try {
    const params = await readForm(req);
    const caller = await authenticateClient(req, params);
    const { token, api_context, api_version } = parseParams(introspectRequestSchema, params);
    const api = api_context !== undefined && api_version !== undefined ? { context: api_context, version: api_version } : undefined;

    return oauthJson(await introspectCached({ caller, token, api, issuer: issuer() }));
  } catch (err) {
    return oauthErrorResponse(err);
  }
}
