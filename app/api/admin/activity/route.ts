import { eventListQuerySchema } from "@/lib/audit/event-list-query";
import { listEvents } from "@/lib/audit/list-events";
import { withSession } from "@/lib/doors/http/with-session";

// GET /api/admin/activity?cursor&limit&kind&q&from&to&sort — every application's trail and the admins' own actions.
export const GET = withSession(
  async ({ req, actor }) => {
    const query = eventListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));

    return Response.json(await listEvents({ actor, ...query }));
  },
  { may: "audit.read_all" },
);
