import { oauthRoute } from "@/lib/doors/http/oauth-route";
import { metadataEndpoint } from "@/lib/doors/oauth/metadata";

export const GET = oauthRoute(metadataEndpoint);

// The issuer comes from configuration at run time, never from the build.
export const dynamic = "force-dynamic";
