import { withSession } from "@/lib/doors/http/with-session";
import { hasRole } from "@/lib/engine/identity/roles.shared";
import { listAppTokenDeliveries } from "@/lib/gateways/list-app-token-deliveries";
import { summarizePropagation } from "@/lib/gateways/summarize-propagation";

// GET /api/apps/:appId/tokens/:tokenId/deliveries — has this token's revocation reached the gateways? One line for
// subscribers; per-gateway detail (names, environments, errors) only for admins. Another user's token is 404.
export const GET = withSession<{ appId: string; tokenId: string }>(async ({ params, user }) => {
  const deliveries = await listAppTokenDeliveries({ appId: params.appId, tokenId: params.tokenId, userId: user.id, role: user.role });

  return Response.json(
    { propagation: summarizePropagation(deliveries), ...(hasRole(user.role, "admin") ? { deliveries } : {}) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
