import { flushNotices } from "@/lib/notices/flush-notices";
import { webHandler, type Endpoint } from "@/lib/oauth/http-adapter";
import { after } from "next/server";

/** The App Router door to a key-manager endpoint: the notices its transaction queued are flushed after the response. */
export const oauthRoute = (endpoint: Endpoint) => webHandler(endpoint, (notices) => after(() => flushNotices(notices)));
