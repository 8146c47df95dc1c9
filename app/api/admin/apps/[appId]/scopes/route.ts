import { grantAppScope } from "@/lib/apps/grant-app-scope";
import { listAppScopes } from "@/lib/apps/list-app-scopes";
import { appScopeSchema } from "@/lib/apps/schemas.shared";
import { withSession } from "@/lib/doors/http/with-session";

type Params = { appId: string };

// GET /api/admin/apps/:appId/scopes — the catalog's privileged scopes, and which this application was granted.
export const GET = withSession<Params>(async ({ params, actor }) => Response.json(await listAppScopes({ appId: params.appId, actor })), {
  may: "apps.grant_scopes",
});

// POST /api/admin/apps/:appId/scopes {scope} — grant a privileged scope; answers the list as it now stands.
export const POST = withSession<Params>(
  async ({ req, params, actor }) => {
    const { scope } = appScopeSchema.parse(await req.json());

    return Response.json(await grantAppScope({ appId: params.appId, scope, actor }));
  },
  { may: "apps.grant_scopes" },
);
