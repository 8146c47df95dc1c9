import { withSession } from "@/lib/doors/http/with-session";
import { sendTestNotice } from "@/lib/gateways/send-test-notice";

// POST /api/admin/gateways/:gatewayId/test-notice — a signed gateway.ping; 200 with what the gateway answered, even a failure.
export const POST = withSession<{ gatewayId: string }>(
  async ({ params, actor }) => Response.json(await sendTestNotice({ gatewayId: params.gatewayId, actor })),
  { may: "gateways.manage" },
);
