import { listEvents } from "@/lib/audit/list-events";
import { withSession } from "@/lib/http/with-session";
import * as z from "zod";

const querySchema = z.object({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(200).optional() });

// GET /api/apps/:appId/activity?before=ISO&limit=N — the application's audit trail, newest first.
export const GET = withSession<{ appId: string }>(async ({ req, params, user }) => {
  const { before, limit } = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const events = await listEvents({ appId: params.appId, user, before: before ? new Date(before) : undefined, limit });

  return Response.json(events);
});
