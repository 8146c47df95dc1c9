import { createApp } from "@/lib/apps/create-app";
import { listApps } from "@/lib/apps/list-apps";
import { createAppSchema } from "@/lib/apps/schemas";
import { withSession } from "@/lib/http/with-session";

// GET /api/apps — the signed-in user's applications.
export const GET = withSession(async ({ user }) => Response.json(await listApps({ ownerId: user.id })));

// POST /api/apps — register an application; the client secret is in this response and nowhere else.
export const POST = withSession(async ({ req, user, ip }) => {
  const input = createAppSchema.parse(await req.json());
  const created = await createApp({ ...input, actor: user, ip });

  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
