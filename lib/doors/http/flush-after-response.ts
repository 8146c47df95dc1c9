import type { QueuedNotices } from "@/lib/data/store";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { after } from "next/server";

/** The portal API's door: a route handler hands over what its transaction queued; it goes out once the response is sent. */
export function flushAfterResponse(notices: QueuedNotices): void {
  after(() => flushNotices(notices));
}
