import { withSession } from "@/lib/doors/http/with-session";
import { endUserSessions } from "@/lib/sessions/end-user-sessions";

// DELETE /api/account/sessions — sign out everywhere: every browser of the user, this one included.
export const DELETE = withSession(async ({ user }) => Response.json({ endedSessions: await endUserSessions({ userId: user.id }) }));
