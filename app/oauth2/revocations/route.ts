import { oauthRoute } from "@/lib/doors/http/oauth-route";
import { revocationsEndpoint } from "@/lib/doors/oauth/revocations";

export const GET = oauthRoute(revocationsEndpoint);

export const dynamic = "force-dynamic";
