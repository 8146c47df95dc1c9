import { flushNotices } from "@/lib/notices/flush-notices";
import type { QueuedNotices } from "@/lib/store";
import { after } from "next/server";

/** The portal API's door: a route handler hands over what its transaction queued; it goes out once the response is sent. */
export function flushAfterResponse(notices: QueuedNotices): void {
  after(() => flushNotices(notices));
}
