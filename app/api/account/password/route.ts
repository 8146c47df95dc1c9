import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { changePassword } from "@/lib/users/change-password";

// POST /api/account/password — { currentPassword, newPassword, signOutApplications? }; ends every session of the
// user, this one included, and revokes what the old password gave applications (every application's, if asked).
export const POST = withSession(async ({ req, actor }) => {
  const { revokedTokens, notices } = await changePassword({ actor, input: await req.json() });
  flushAfterResponse(notices);

  return Response.json({ revokedTokens });
});
