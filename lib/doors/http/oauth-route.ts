import { webHandler, type Endpoint } from "@/lib/doors/oauth/http-adapter";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { after } from "next/server";

/** The App Router door to a key-manager endpoint: the notices its transaction queued are flushed after the response. */
export const oauthRoute = (endpoint: Endpoint) => webHandler(endpoint, (notices) => after(() => flushNotices(notices)));
