import { oauthRoute } from "@/lib/http/oauth-route";
import { metadataEndpoint } from "@/lib/oauth/metadata";

export const GET = oauthRoute(metadataEndpoint);

// The issuer comes from configuration at run time, never from the build.
export const dynamic = "force-dynamic";
