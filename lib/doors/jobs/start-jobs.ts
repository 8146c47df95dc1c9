import { startDeliveryWorker } from "@/lib/engine/notices/delivery-worker";
import { startHeartbeat } from "@/lib/engine/notices/heartbeat";
import { startCanarySchedule } from "./canary-schedule";
import { startPurgeSchedule } from "./purge-schedule";

/** The background jobs: gateway delivery retries, the gateways' heartbeat, the purge of dead tokens and the scheduled canary. Returns a stop function. */
export function startJobs(): () => Promise<void> {
  const stopDelivery = startDeliveryWorker();
  const stopHeartbeat = startHeartbeat();
  const stopPurge = startPurgeSchedule();
  const stopCanary = startCanarySchedule();

  return async () => {
    stopCanary();
    stopPurge();
    stopHeartbeat();
    await stopDelivery();
  };
}
