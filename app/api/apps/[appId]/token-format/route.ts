import { setTokenFormat } from "@/lib/apps/set-token-format";
import { withSession } from "@/lib/http/with-session";
import { updateTokenFormatSchema } from "@/lib/jwt/token-format";

type Params = { appId: string };

// PUT /api/apps/:appId/token-format — opaque or JWT access tokens; the owner, or an admin for any application.
export const PUT = withSession<Params>(async ({ req, params, user, ip }) => {
  const { tokenFormat } = updateTokenFormatSchema.parse(await req.json());

  return Response.json(await setTokenFormat({ appId: params.appId, tokenFormat, actor: user, ip }));
});
