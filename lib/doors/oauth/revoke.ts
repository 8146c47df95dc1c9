import { clientIp } from "@/lib/base/client-ip";
import { revokeByClient } from "@/lib/tokens/revoke-by-client";
import { revokeRequestSchema } from "@/lib/tokens/schemas";
import { authenticateClient } from "./authenticate-client";
import { type OAuthRequest, type OAuthResult } from "./http-adapter";
import { parseParams } from "./parse-params";
import { readForm } from "./read-form";
import { oauthErrorResponse } from "./respond";

// POST /oauth2/revoke — RFC 7009. 200 for any well-formed request from an authenticated client;
// token_type_hint is only a hint (§2.1): the token is looked up by its hash whatever its type.
export async function revokeEndpoint(req: OAuthRequest): Promise<OAuthResult> {
  try {
    const params = await readForm(req);
    const client = await authenticateClient(req, params, undefined, { allowPublic: true }); // RFC 7009 §2.1: public clients revoke too
    const { token } = parseParams(revokeRequestSchema, params);
    const { notices } = await revokeByClient({ client, token, ip: clientIp(req) });

    return { status: 200, headers: { "Cache-Control": "no-store" }, body: null, notices };
  } catch (err) {
    return oauthErrorResponse(err);
  }
}
