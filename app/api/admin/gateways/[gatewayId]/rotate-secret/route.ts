import { rotateSigningSecret } from "@/lib/gateways/rotate-signing-secret";
import { rotateSigningSecretSchema } from "@/lib/gateways/schemas";
import { withSession } from "@/lib/http/with-session";

// POST /api/admin/gateways/:gatewayId/rotate-secret — `{ grace: "none" | "1h" | "24h" }`; the new secret is shown once.
export const POST = withSession<{ gatewayId: string }>(
  async ({ req, params, user, ip }) => {
    const { grace } = rotateSigningSecretSchema.parse(await req.json());
    const rotated = await rotateSigningSecret({ gatewayId: params.gatewayId, grace, actor: user, ip });

    return Response.json(rotated, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { role: "admin" },
);
