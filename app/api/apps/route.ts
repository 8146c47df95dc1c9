import { appListQuerySchema } from "@/lib/apps/app-list-query";
import { createApp } from "@/lib/apps/create-app";
import { listApps } from "@/lib/apps/list-apps";
import { createAppSchema } from "@/lib/apps/schemas.shared";
import { withSession } from "@/lib/doors/http/with-session";

// GET /api/apps?cursor&limit&q&sort — a page of the signed-in user's applications and the total.
export const GET = withSession(async ({ req, actor }) => {
  const query = appListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));

  return Response.json(await listApps({ ...query, actor }));
});

// POST /api/apps — register an application; the client secret is in this response and nowhere else.
export const POST = withSession(async ({ req, actor }) => {
  const input = createAppSchema.parse(await req.json());
  const created = await createApp({ ...input, actor });

  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
