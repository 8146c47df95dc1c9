import { oauthRoute } from "@/lib/http/oauth-route";
import { revocationsEndpoint } from "@/lib/oauth/revocations";

export const GET = oauthRoute(revocationsEndpoint);

export const dynamic = "force-dynamic";
