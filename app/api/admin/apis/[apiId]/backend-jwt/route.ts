import { backendJwtSchema } from "@/lib/apis/schemas";
import { setBackendJwt } from "@/lib/apis/set-backend-jwt";
import { flushAfterResponse } from "@/lib/http/flush-after-response";
import { withSession } from "@/lib/http/with-session";

// PUT /api/admin/apis/:apiId/backend-jwt — on, off or the global default; gateways drop what they cached.
export const PUT = withSession<{ apiId: string }>(
  async ({ req, params, user, ip }) => {
    const { backendJwt } = backendJwtSchema.parse(await req.json());
    const { notices } = await setBackendJwt({ apiId: params.apiId, backendJwt, actor: user, ip });
    flushAfterResponse(notices);

    return Response.json({ backendJwt });
  },
  { role: "admin" },
);
