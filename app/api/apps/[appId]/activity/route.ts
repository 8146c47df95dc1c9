import { eventListQuerySchema } from "@/lib/audit/event-list-query";
import { listEvents } from "@/lib/audit/list-events";
import { withSession } from "@/lib/doors/http/with-session";

// GET /api/apps/:appId/activity?cursor&limit&kind&q&from&to&sort — a page of the application's audit trail and the total.
export const GET = withSession<{ appId: string }>(async ({ req, params, actor }) => {
  const query = eventListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));

  return Response.json(await listEvents({ appId: params.appId, actor, ...query }));
});
