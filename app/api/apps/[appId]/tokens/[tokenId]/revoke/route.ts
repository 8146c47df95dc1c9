import { revokeAppToken } from "@/lib/apps/revoke-app-token";
import { withSession } from "@/lib/http/with-session";

// POST /api/apps/:appId/tokens/:tokenId/revoke — "Revoke" in the tokens list; revoking twice is not an error.
export const POST = withSession<{ appId: string; tokenId: string }>(async ({ params, user, ip }) =>
  Response.json(await revokeAppToken({ appId: params.appId, tokenId: params.tokenId, actor: user, ip })),
);
