import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { changeSubscription } from "@/lib/subscriptions/change-subscription";
import { changeTierSchema } from "@/lib/subscriptions/schemas";

type Params = { appId: string; subscriptionId: string };

// The subscription must belong to this application, and the application to the user (else 404).
async function owned(params: Params, userId: string) {
  await getAppOrThrow({ appId: params.appId, userId });

  return { id: params.subscriptionId };
}

// PATCH /api/apps/:appId/subscriptions/:subscriptionId — change tier (waits for approval when the API needs it).
export const PATCH = withSession<Params>(async ({ req, params, user, ip }) => {
  const { tier } = changeTierSchema.parse(await req.json());
  const where = await owned(params, user.id);
  const { status, notices } = await changeSubscription({
    where,
    action: { kind: "change_tier", tier },
    actor: { ...user, role: "subscriber" },
    ip,
  });
  flushAfterResponse(notices);

  return Response.json({ status });
});

// DELETE /api/apps/:appId/subscriptions/:subscriptionId — unsubscribe; gateways drop the application's validation info.
export const DELETE = withSession<Params>(async ({ params, user, ip }) => {
  const where = await owned(params, user.id);
  const { notices } = await changeSubscription({ where, action: { kind: "remove" }, actor: { ...user, role: "subscriber" }, ip });
  flushAfterResponse(notices);

  return new Response(null, { status: 204 });
});
