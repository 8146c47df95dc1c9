import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { redeliver } from "@/lib/gateways/redeliver";
import { redeliverSchema } from "@/lib/gateways/schemas.shared";

// POST /api/admin/gateways/:gatewayId/redeliver — `{ sequence? }`: one failed notice, or everything failed for the gateway.
export const POST = withSession<{ gatewayId: string }>(
  async ({ req, params, actor }) => {
    const { sequence } = redeliverSchema.parse(await req.json());
    const { notices, queued } = await redeliver({ gatewayId: params.gatewayId, sequence, actor });
    flushAfterResponse(notices);

    return Response.json({ queued });
  },
  { may: "gateways.manage" },
);
