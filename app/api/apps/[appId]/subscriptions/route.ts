import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { withSession } from "@/lib/doors/http/with-session";
import { listAppSubscriptions } from "@/lib/subscriptions/list-subscriptions";

// GET /api/apps/:appId/subscriptions — the application's subscriptions (API, version, tier, state).
export const GET = withSession<{ appId: string }>(async ({ params, user }) => {
  await getAppOrThrow({ appId: params.appId, userId: user.id });

  return Response.json(await listAppSubscriptions(params.appId));
});
