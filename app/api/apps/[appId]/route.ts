import { deleteApp } from "@/lib/apps/delete-app";
import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { deleteAppSchema, updateAppSchema } from "@/lib/apps/schemas.shared";
import { updateApp } from "@/lib/apps/update-app";
import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";

type Params = { appId: string };

// GET /api/apps/:appId — a deleted application, or another user's (unless an admin asks), is 404.
export const GET = withSession<Params>(async ({ params, actor }) =>
  Response.json(await getAppOrThrow({ appId: params.appId, actor, may: "apps.read" })),
);

// PATCH /api/apps/:appId — rename, describe, replace redirect URIs.
export const PATCH = withSession<Params>(async ({ req, params, actor }) => {
  const changes = updateAppSchema.parse(await req.json());

  return Response.json(await updateApp({ ...changes, appId: params.appId, actor }));
});

// DELETE /api/apps/:appId — body `{ confirmName }` must repeat the name; revokes every token of the app.
export const DELETE = withSession<Params>(async ({ req, params, actor }) => {
  const { confirmName } = deleteAppSchema.parse(await req.json());
  const { notices, revokedTokens } = await deleteApp({ appId: params.appId, confirmName, actor });
  flushAfterResponse(notices);

  return Response.json({ revokedTokens });
});
