import { store, type QueuedNotices } from "@/lib/data/store";
import { flushNotices } from "@/lib/engine/notices/flush-notices";

/**
 * The CLI's door: sends the first attempt to each gateway before the command exits (each bounded
 * by the delivery timeout) and reports what was acknowledged. What failed stays queued for the
 * portal's worker to retry.
 */
export async function flushAndReport(notices: QueuedNotices) {
  const attempts = await flushNotices(notices);
  const names = await store().gatewayNames([...new Set(attempts.map((a) => a.gatewayId))]);

  return attempts.map((a) => ({
    gateway: names.get(a.gatewayId) ?? a.gatewayId,
    sequence: a.sequence,
    acknowledged: a.ok,
    ...(a.ok ? {} : { error: a.error, retry: true }), // a first attempt is 24 h from giving up
  }));
}
