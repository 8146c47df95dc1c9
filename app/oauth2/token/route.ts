import { oauthRoute } from "@/lib/doors/http/oauth-route";
import { tokenEndpoint } from "@/lib/doors/oauth/token";

export const POST = oauthRoute(tokenEndpoint);
