import { oauthRoute } from "@/lib/doors/http/oauth-route";
import { revokeEndpoint } from "@/lib/doors/oauth/revoke";

export const POST = oauthRoute(revokeEndpoint);
