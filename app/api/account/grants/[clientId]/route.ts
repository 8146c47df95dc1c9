import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { revokeUserGrant } from "@/lib/grants/revoke-user-grant";

// DELETE /api/account/grants/:clientId — Authorized applications: withdraw an application's access (every token of the grant).
export const DELETE = withSession<{ clientId: string }>(async ({ params, actor }) => {
  const { changed, notices } = await revokeUserGrant({ clientId: params.clientId, actor });
  flushAfterResponse(notices);

  return Response.json({ revoked: changed.length });
});
