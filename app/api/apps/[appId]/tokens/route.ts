import { listAppTokens } from "@/lib/apps/list-app-tokens";
import { generateTokenSchema } from "@/lib/apps/schemas";
import { flushAfterResponse } from "@/lib/http/flush-after-response";
import { withSession } from "@/lib/http/with-session";
import { generateAppToken } from "@/lib/tokens/generate-app-token";

type Params = { appId: string };

// GET /api/apps/:appId/tokens — newest first, with status and who revoked.
export const GET = withSession<Params>(async ({ params, user }) =>
  Response.json(await listAppTokens({ appId: params.appId, userId: user.id })),
);

// POST /api/apps/:appId/tokens — generate (or `{ regenerate: true }`) an access token, optionally shorter-lived (`ttlSeconds`); shown once.
export const POST = withSession<Params>(async ({ req, params, user, ip }) => {
  const { regenerate, ttlSeconds } = generateTokenSchema.parse(await req.json());
  const { notices, ...token } = await generateAppToken({ appId: params.appId, actor: user, regenerate, ttlSeconds, ip });
  flushAfterResponse(notices);

  return Response.json(token, { status: 201, headers: { "Cache-Control": "no-store" } });
});
