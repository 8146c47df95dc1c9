import { revokeAppGrant } from "@/lib/apps/revoke-app-grant";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";

// POST /api/apps/:appId/tokens/:tokenId/revoke — "Revoke" in the tokens list; revoking twice is not an error.
export const POST = withSession<{ appId: string; tokenId: string }>(async ({ params, actor }) => {
  const { notices, revoked } = await revokeAppGrant({ appId: params.appId, tokenId: params.tokenId, actor });
  flushAfterResponse(notices);

  return Response.json({ revoked });
});
