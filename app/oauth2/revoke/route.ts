import { oauthRoute } from "@/lib/http/oauth-route";
import { revokeEndpoint } from "@/lib/oauth/revoke";

export const POST = oauthRoute(revokeEndpoint);
