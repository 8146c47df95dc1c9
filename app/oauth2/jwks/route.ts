import { oauthRoute } from "@/lib/doors/http/oauth-route";
import { jwksEndpoint } from "@/lib/doors/oauth/jwks";

export const GET = oauthRoute(jwksEndpoint);

// The keys live in the database and rotate at run time.
export const dynamic = "force-dynamic";
