import { sendTestNotice } from "@/lib/gateways/send-test-notice";
import { withSession } from "@/lib/http/with-session";

// POST /api/admin/gateways/:gatewayId/test-notice — a signed gateway.ping; 200 with what the gateway answered, even a failure.
export const POST = withSession<{ gatewayId: string }>(
  async ({ params, user }) => Response.json(await sendTestNotice({ gatewayId: params.gatewayId, actor: user })),
  { role: "admin" },
);
