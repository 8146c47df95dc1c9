import { withSession } from "@/lib/doors/http/with-session";
import { listAppSubscriptions } from "@/lib/subscriptions/list-subscriptions";

// GET /api/apps/:appId/subscriptions — the application's subscriptions (API, version, tier, state).
export const GET = withSession<{ appId: string }>(async ({ params, actor }) =>
  Response.json(await listAppSubscriptions({ appId: params.appId, actor })),
);
