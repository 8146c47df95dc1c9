import { withSession } from "@/lib/doors/http/with-session";
import { sendInOrder } from "@/lib/engine/notices/send-in-order";
import { deleteGateway } from "@/lib/gateways/delete-gateway";
import { updateGatewaySchema } from "@/lib/gateways/schemas.shared";
import { updateGateway } from "@/lib/gateways/update-gateway";
import { after } from "next/server";

type Params = { gatewayId: string };

// PATCH /api/admin/gateways/:gatewayId — rename, re-point, or `{ enabled }` to disable/enable.
// Enabling releases the notices held meanwhile; they go out in order once the response is sent.
export const PATCH = withSession<Params>(
  async ({ req, params, actor }) => {
    const changes = updateGatewaySchema.parse(await req.json());
    const { gateway, notices } = await updateGateway({ ...changes, gatewayId: params.gatewayId, actor });
    after(() => sendInOrder(notices));

    return Response.json(gateway);
  },
  { may: "gateways.manage" },
);

// DELETE /api/admin/gateways/:gatewayId — the gateway, its pending deliveries and its introspection client.
export const DELETE = withSession<Params>(
  async ({ params, actor }) => {
    await deleteGateway({ gatewayId: params.gatewayId, actor });

    return new Response(null, { status: 204 });
  },
  { may: "gateways.manage" },
);
