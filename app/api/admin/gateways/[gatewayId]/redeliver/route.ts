import { redeliverSchema } from "@/lib/gateways/schemas";
import { flushAfterResponse } from "@/lib/http/flush-after-response";
import { withSession } from "@/lib/http/with-session";
import { redeliver } from "@/lib/notices/redeliver";

// POST /api/admin/gateways/:gatewayId/redeliver — `{ sequence? }`: one failed notice, or everything failed for the gateway.
export const POST = withSession<{ gatewayId: string }>(
  async ({ req, params, user, ip }) => {
    const { sequence } = redeliverSchema.parse(await req.json());
    const { notices, queued } = await redeliver({ gatewayId: params.gatewayId, sequence, actor: user, ip });
    flushAfterResponse(notices);

    return Response.json({ queued });
  },
  { role: "admin" },
);
