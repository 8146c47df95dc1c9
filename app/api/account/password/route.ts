import { clientIp } from "@/lib/base/client-ip";
import { withSession } from "@/lib/doors/http/with-session";
import { changePassword } from "@/lib/users/change-password";

// POST /api/account/password — { currentPassword, newPassword }; ends every session of the user, this one included.
export const POST = withSession(async ({ req, user }) =>
  Response.json(await changePassword({ userId: user.id, input: await req.json(), ip: clientIp(req) })),
);
