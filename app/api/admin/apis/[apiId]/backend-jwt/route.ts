import { backendJwtSchema } from "@/lib/apis/schemas.shared";
import { setBackendJwt } from "@/lib/apis/set-backend-jwt";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";

// PUT /api/admin/apis/:apiId/backend-jwt — on, off or the global default; gateways drop what they cached.
export const PUT = withSession<{ apiId: string }>(
  async ({ req, params, actor }) => {
    const { backendJwt } = backendJwtSchema.parse(await req.json());
    const { notices } = await setBackendJwt({ apiId: params.apiId, backendJwt, actor });
    flushAfterResponse(notices);

    return Response.json({ backendJwt });
  },
  { may: "apis.manage" },
);
