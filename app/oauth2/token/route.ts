import { oauthRoute } from "@/lib/http/oauth-route";
import { tokenEndpoint } from "@/lib/oauth/token";

export const POST = oauthRoute(tokenEndpoint);
