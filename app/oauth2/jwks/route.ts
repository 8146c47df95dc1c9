import { oauthRoute } from "@/lib/http/oauth-route";
import { jwksEndpoint } from "@/lib/oauth/jwks";

export const GET = oauthRoute(jwksEndpoint);

// The keys live in the database and rotate at run time.
export const dynamic = "force-dynamic";
