import { withSession } from "@/lib/doors/http/with-session";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { verifyGateway } from "@/lib/gateways/verify-gateway";

// POST /api/admin/gateways/:gatewayId/verify — runs the canary (README, "Canary") and answers with the run,
// a failed one included; it takes as long as the gateway takes to refuse, at most the canary timeout.
// The revocation's notices are sent during the run: the canary measures their effect.
export const POST = withSession<{ gatewayId: string }>(
  async ({ params, actor }) => Response.json(await verifyGateway({ gatewayId: params.gatewayId, actor, flush: flushNotices })),
  { may: "gateways.verify" },
);
