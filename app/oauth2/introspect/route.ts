import { oauthRoute } from "@/lib/doors/http/oauth-route";
import { introspectEndpoint } from "@/lib/doors/oauth/introspect";

export const POST = oauthRoute(introspectEndpoint);
