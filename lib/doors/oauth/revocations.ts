import { OAuthError } from "@/lib/base/oauth-errors";
import { FEED_MAX_LIMIT, readFeed } from "@/lib/engine/notices/read-feed";
import * as z from "zod";
import { authenticateClient } from "./authenticate-client";
import { type OAuthRequest, type OAuthResult } from "./http-adapter";
import { parseParams } from "./parse-params";
import { oauthErrorResponse, oauthJson } from "./respond";

const cursor = z
  .string()
  .regex(/^\d{1,15}$/, "must be a whole number")
  .transform(Number);
const feedQuerySchema = z.object({
  after: cursor.default(0),
  limit: cursor.pipe(z.number().min(1).max(FEED_MAX_LIMIT)).default(100),
});

// GET /oauth2/revocations?after=N&limit=M — the gateways' catch-up feed (README: Gateways).
// Gateway client credentials over HTTP Basic; applications' clients may not read it.
export async function revocationsEndpoint(req: OAuthRequest): Promise<OAuthResult> {
  try {
    const query = new URL(req.url).searchParams;
    for (const name of new Set(query.keys()))
      if (query.getAll(name).length > 1) throw new OAuthError("invalid_request", 400, `parameter "${name}" is repeated`);
    const caller = await authenticateClient(req, new Map());
    if (caller.kind !== "gateway") throw new OAuthError("unauthorized_client", 403, "only gateway clients may read the revocation feed");
    const { after, limit } = parseParams(feedQuerySchema, new Map(query));

    return oauthJson(await readFeed({ after, limit }));
  } catch (err) {
    return oauthErrorResponse(err);
  }
}
