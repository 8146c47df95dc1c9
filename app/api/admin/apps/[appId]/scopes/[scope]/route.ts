import { withdrawAppScope } from "@/lib/apps/withdraw-app-scope";
import { withSession } from "@/lib/doors/http/with-session";

type Params = { appId: string; scope: string };

// DELETE /api/admin/apps/:appId/scopes/:scope — withdraw a privileged scope; answers the list as it now stands.
export const DELETE = withSession<Params>(
  async ({ params, actor }) => Response.json(await withdrawAppScope({ appId: params.appId, scope: params.scope, actor })),
  { may: "apps.grant_scopes" },
);
