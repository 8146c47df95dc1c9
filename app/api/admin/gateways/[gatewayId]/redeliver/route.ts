import { redeliver } from "@/lib/gateways/redeliver";
import { redeliverSchema } from "@/lib/gateways/schemas";
import { withSession } from "@/lib/http/with-session";

// POST /api/admin/gateways/:gatewayId/redeliver — `{ sequence? }`: one failed notice, or everything failed for the gateway.
export const POST = withSession<{ gatewayId: string }>(
  async ({ req, params, user, ip }) => {
    const { sequence } = redeliverSchema.parse(await req.json());

    return Response.json(await redeliver({ gatewayId: params.gatewayId, sequence, actor: user, ip }));
  },
  { role: "admin" },
);
