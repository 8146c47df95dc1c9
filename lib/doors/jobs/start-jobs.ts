import { startDeliveryWorker } from "@/lib/engine/notices/delivery-worker";
import { startHeartbeat } from "@/lib/engine/notices/heartbeat";
import { startPurgeSchedule } from "./purge-schedule";

/** The background jobs: gateway delivery retries, the gateways' heartbeat and the purge of dead tokens. Returns a stop function. */
export function startJobs(): () => Promise<void> {
  const stopDelivery = startDeliveryWorker();
  const stopHeartbeat = startHeartbeat();
  const stopPurge = startPurgeSchedule();

  return async () => {
    stopPurge();
    stopHeartbeat();
    await stopDelivery();
  };
}
