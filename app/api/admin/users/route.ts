import { withSession } from "@/lib/doors/http/with-session";
import { listUsers } from "@/lib/users/list-users";

// GET /api/admin/users?cursor&limit&q&role&state — every account, newest first.
export const GET = withSession(
  async ({ req, actor }) => Response.json(await listUsers({ ...Object.fromEntries(new URL(req.url).searchParams), actor })),
  { may: "users.manage" },
);
