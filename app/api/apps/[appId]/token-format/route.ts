import { setTokenFormat } from "@/lib/apps/set-token-format";
import { updateTokenFormatSchema } from "@/lib/base/token-format.shared";
import { withSession } from "@/lib/doors/http/with-session";

type Params = { appId: string };

// PUT /api/apps/:appId/token-format — opaque or JWT access tokens; the owner, or an admin for any application.
export const PUT = withSession<Params>(async ({ req, params, actor }) => {
  const { tokenFormat } = updateTokenFormatSchema.parse(await req.json());

  return Response.json(await setTokenFormat({ appId: params.appId, tokenFormat, actor }));
});
