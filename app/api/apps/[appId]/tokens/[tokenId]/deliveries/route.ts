import { listAppTokenDeliveries } from "@/lib/gateways/list-app-token-deliveries";
import { withSession } from "@/lib/http/with-session";

// GET /api/apps/:appId/tokens/:tokenId/deliveries — which gateways acknowledged this token's revocation; another user's token is 404.
export const GET = withSession<{ appId: string; tokenId: string }>(async ({ params, user }) =>
  Response.json(await listAppTokenDeliveries({ appId: params.appId, tokenId: params.tokenId, userId: user.id }), {
    headers: { "Cache-Control": "no-store" },
  }),
);
