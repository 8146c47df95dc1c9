import { generateTokenSchema } from "@/lib/apps/schemas.shared";
import { tokenListQuerySchema } from "@/lib/base/list-query.shared";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { generateAppToken } from "@/lib/tokens/generate-app-token";
import { listAppTokens } from "@/lib/tokens/list-app-tokens";

type Params = { appId: string };

// GET /api/apps/:appId/tokens?cursor&limit&state&type&q&createdFrom&createdTo&expiresFrom&expiresTo&sort — one page and the total.
export const GET = withSession<Params>(async ({ req, params, actor }) => {
  const query = tokenListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));

  return Response.json(await listAppTokens({ appId: params.appId, actor, ...query }));
});

// POST /api/apps/:appId/tokens — generate (or `{ regenerate: true }`) an access token, optionally shorter-lived (`ttlSeconds`)
// and with a note; shown once.
export const POST = withSession<Params>(async ({ req, params, actor }) => {
  const { regenerate, ttlSeconds, note } = generateTokenSchema.parse(await req.json());
  const { notices, ...token } = await generateAppToken({ appId: params.appId, actor, regenerate, ttlSeconds, note });
  flushAfterResponse(notices);

  return Response.json(token, { status: 201, headers: { "Cache-Control": "no-store" } });
});
