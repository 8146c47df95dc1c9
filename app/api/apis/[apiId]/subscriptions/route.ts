import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { subscribe } from "@/lib/subscriptions/subscribe";
import * as z from "zod";

const bodySchema = z.object({ appId: z.string().min(1, "Choose an application."), tier: z.string().min(1, "Choose a tier.") });

// POST /api/apis/:apiId/subscriptions — subscribe one of the user's applications (pending when the API needs approval);
// gateways hear of one that is active at once.
export const POST = withSession<{ apiId: string }>(async ({ req, params, actor }) => {
  const { appId, tier } = bodySchema.parse(await req.json());
  const { id, status, notices } = await subscribe({ actor, appId, apiId: params.apiId, tier });
  flushAfterResponse(notices);

  return Response.json({ id, status }, { status: 201 });
});
