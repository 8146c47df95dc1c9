import { startDeliveryWorker } from "@/lib/engine/notices/delivery-worker";
import { startPurgeSchedule } from "./purge-schedule";

/** The background jobs: gateway delivery retries and the purge of dead tokens. Returns a stop function. */
export function startJobs(): () => Promise<void> {
  const stopDelivery = startDeliveryWorker();
  const stopPurge = startPurgeSchedule();

  return async () => {
    stopPurge();
    await stopDelivery();
  };
}
