import { withSession } from "@/lib/doors/http/with-session";
import { can } from "@/lib/engine/identity/permissions.shared";
import { listAppTokenDeliveries } from "@/lib/gateways/list-app-token-deliveries";
import { summarizePropagation } from "@/lib/gateways/summarize-propagation";

// GET /api/apps/:appId/tokens/:tokenId/deliveries — has this token's revocation reached the gateways? One line for
// subscribers; per-gateway detail (names, environments, errors) only for admins. Another user's token is 404.
export const GET = withSession<{ appId: string; tokenId: string }>(async ({ params, actor }) => {
  const deliveries = await listAppTokenDeliveries({ appId: params.appId, tokenId: params.tokenId, actor });

  return Response.json(
    { propagation: await summarizePropagation(deliveries), ...(can(actor, "gateways.manage") ? { deliveries } : {}) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
