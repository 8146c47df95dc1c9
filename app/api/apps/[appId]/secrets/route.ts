import { rotateSecretSchema } from "@/lib/base/overlap.shared";
import { listClientSecrets } from "@/lib/clients/list-client-secrets";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";

type Params = { appId: string };

// GET /api/apps/:appId/secrets — last 4 characters and dates only; the values are never stored.
export const GET = withSession<Params>(async ({ params, actor }) => Response.json(await listClientSecrets({ appId: params.appId, actor })));

// POST /api/apps/:appId/secrets — regenerate: `{ overlap: "none" | "1h" | "24h" }`; the new secret is shown once.
export const POST = withSession<Params>(async ({ req, params, actor }) => {
  const { overlap } = rotateSecretSchema.parse(await req.json());
  const { notices, ...rotated } = await rotateClientSecret({ appId: params.appId, actor, overlap });
  flushAfterResponse(notices);

  return Response.json(rotated, { status: 201, headers: { "Cache-Control": "no-store" } });
});
