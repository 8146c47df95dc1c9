import { withSession } from "@/lib/doors/http/with-session";
import { setUserRole } from "@/lib/users/set-user-role";

// PATCH /api/admin/users/:userId { role } — promote or demote; the last active admin cannot be demoted.
export const PATCH = withSession<{ userId: string }>(
  async ({ req, params, actor }) => {
    const { role } = ((await req.json()) ?? {}) as { role?: unknown }; // a JSON null body is bad input, not a 500

    return Response.json(await setUserRole({ userId: params.userId, role, actor }));
  },
  { may: "users.manage" },
);
