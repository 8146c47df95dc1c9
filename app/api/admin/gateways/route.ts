import { withSession } from "@/lib/doors/http/with-session";
import { createGateway } from "@/lib/gateways/create-gateway";
import { listGateways } from "@/lib/gateways/list-gateways";
import { createGatewaySchema } from "@/lib/gateways/schemas.shared";

// GET /api/admin/gateways — every gateway with its delivery health (the admin page polls it).
export const GET = withSession(
  async ({ actor }) => Response.json(await listGateways({ actor }), { headers: { "Cache-Control": "no-store" } }),
  {
    may: "gateways.manage",
  },
);

// POST /api/admin/gateways — register a gateway; its signing secret and client secret are in this response and nowhere else.
export const POST = withSession(
  async ({ req, actor }) => {
    const input = createGatewaySchema.parse(await req.json());
    const created = await createGateway({ ...input, actor });

    return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { may: "gateways.manage" },
);
