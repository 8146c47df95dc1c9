import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import type { Person } from "@/lib/engine/identity/actor.shared";
import { changeSubscription } from "@/lib/subscriptions/change-subscription";
import { changeTierSchema } from "@/lib/subscriptions/schemas";

type Params = { appId: string; subscriptionId: string };

// The subscription must belong to this application, and the application to the user (else 404).
async function owned(params: Params, actor: Person) {
  await getAppOrThrow({ appId: params.appId, actor, may: "subscriptions.request" });

  return { id: params.subscriptionId };
}

// Here even an admin acts as the application's owner: a tier change on an API that needs approval waits for one.
const asOwner = (actor: Person): Person => ({ ...actor, role: "subscriber" });

// PATCH /api/apps/:appId/subscriptions/:subscriptionId — change tier (waits for approval when the API needs it).
export const PATCH = withSession<Params>(async ({ req, params, actor }) => {
  const { tier } = changeTierSchema.parse(await req.json());
  const where = await owned(params, actor);
  const { status, notices } = await changeSubscription({ where, action: { kind: "change_tier", tier }, actor: asOwner(actor) });
  flushAfterResponse(notices);

  return Response.json({ status });
});

// DELETE /api/apps/:appId/subscriptions/:subscriptionId — unsubscribe; gateways drop the application's validation info.
export const DELETE = withSession<Params>(async ({ params, actor }) => {
  const where = await owned(params, actor);
  const { notices } = await changeSubscription({ where, action: { kind: "remove" }, actor: asOwner(actor) });
  flushAfterResponse(notices);

  return new Response(null, { status: 204 });
});
