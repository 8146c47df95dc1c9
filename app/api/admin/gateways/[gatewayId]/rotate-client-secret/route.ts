import { rotateSecretSchema } from "@/lib/base/overlap.shared";
import { withSession } from "@/lib/doors/http/with-session";
import { rotateGatewayClientSecret } from "@/lib/gateways/rotate-gateway-client-secret";

// POST /api/admin/gateways/:gatewayId/rotate-client-secret — `{ overlap: "none" | "1h" | "24h" }` (default 1h): a new
// secret for the gateway's introspection client, shown once.
export const POST = withSession<{ gatewayId: string }>(
  async ({ req, params, actor }) => {
    const { overlap } = rotateSecretSchema.parse(await req.json());
    const rotated = await rotateGatewayClientSecret({ gatewayId: params.gatewayId, overlap, actor });

    return Response.json(rotated, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { may: "gateways.manage" },
);
