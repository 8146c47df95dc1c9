import { revokeSelectedSchema, revokeSelectedTokens } from "@/lib/apps/revoke-selected-tokens";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";

// POST /api/apps/:appId/tokens/revoke { tokenIds } — "Revoke selected"; tokens already revoked or expired are left as they are.
export const POST = withSession<{ appId: string }>(async ({ req, params, actor }) => {
  const { tokenIds } = revokeSelectedSchema.parse(await req.json());
  const { notices, revoked } = await revokeSelectedTokens({ appId: params.appId, tokenIds, actor });
  flushAfterResponse(notices);

  return Response.json({ revoked });
});
