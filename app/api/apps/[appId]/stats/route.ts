import { withSession } from "@/lib/doors/http/with-session";
import { appStats } from "@/lib/stats/app-stats";

// GET /api/apps/:appId/stats — the application's charts: tokens issued/revoked, introspections, propagation per day.
export const GET = withSession<{ appId: string }>(async ({ params, actor }) =>
  Response.json(await appStats({ appId: params.appId, actor })),
);
