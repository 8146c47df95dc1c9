import { store } from "@/lib/data/store";
import { LEASE_MS } from "@/lib/data/store/outbox-sql";
import { settleInFlight, track } from "./in-flight";
import { sendDeliveries } from "./send-deliveries";

const BATCH = 200;

type WorkerState = { timer?: NodeJS.Timeout; running: boolean };
// Process-wide: Next's bundles and server.ts load this module separately but share one worker.
const state = ((globalThis as unknown as { portcullisWorker?: WorkerState }).portcullisWorker ??= { running: false });

/** One pass: lease what is due (retries, and anything a dead process left behind) and send it. */
export async function deliverDue(): Promise<number> {
  const due = await store().claimDueDeliveries(LEASE_MS, BATCH);
  await track(sendDeliveries(due));

  return due.length;
}

/** Polls for due deliveries until stopped; runs inside `npm start` and as `npm run worker`. */
export function startDeliveryWorker(): () => Promise<void> {
  if (state.timer) return stopDeliveryWorker;
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      while ((await deliverDue()) === BATCH); // drain a backlog before sleeping
    } catch (err) {
      console.error("delivery worker pass failed", err);
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(tick, Number(process.env.PORTCULLIS_WORKER_POLL_MS ?? 1_000));
  void tick();

  return stopDeliveryWorker;
}

/** Stops polling and waits for attempts in flight, so their outcomes are recorded. */
export async function stopDeliveryWorker(): Promise<void> {
  clearInterval(state.timer);
  state.timer = undefined;
  await settleInFlight();
}
