import { rotateSecretSchema } from "@/lib/base/overlap.shared";
import { withSession } from "@/lib/doors/http/with-session";
import { rotateSigningSecret } from "@/lib/gateways/rotate-signing-secret";

// POST /api/admin/gateways/:gatewayId/rotate-secret — `{ overlap: "none" | "1h" | "24h" }` (default 1h); the new secret is shown once.
export const POST = withSession<{ gatewayId: string }>(
  async ({ req, params, actor }) => {
    const { overlap } = rotateSecretSchema.parse(await req.json());
    const rotated = await rotateSigningSecret({ gatewayId: params.gatewayId, overlap, actor });

    return Response.json(rotated, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { may: "gateways.manage" },
);
