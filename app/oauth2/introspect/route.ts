import { oauthRoute } from "@/lib/http/oauth-route";
import { introspectEndpoint } from "@/lib/oauth/introspect";

export const POST = oauthRoute(introspectEndpoint);
