import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { withSession } from "@/lib/doors/http/with-session";
import { listAppSubscriptions } from "@/lib/subscriptions/list-subscriptions";

// GET /api/apps/:appId/subscriptions — the application's subscriptions (API, version, tier, state).
export const GET = withSession<{ appId: string }>(async ({ params, actor }) => {
  await getAppOrThrow({ appId: params.appId, actor, may: "subscriptions.request" });

  return Response.json(await listAppSubscriptions(params.appId));
});
