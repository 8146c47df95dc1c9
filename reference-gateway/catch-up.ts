import { isTokenEventType, SUBSCRIPTION_CHANGED, type FeedPage } from "@/lib/base/contract.shared";
import { applyRevocation } from "./apply-revocation";
import { applySubscriptionChange } from "./apply-subscription-change";
import type { GatewayState } from "./gateway-state";
import type { Logger } from "./log";

type CatchUpOptions = {
  state: GatewayState;
  fetchPage: (after: number) => Promise<FeedPage>;
  backoff: { initialMs: number; maxMs: number };
  log: Logger;
};

/** An error's message, with the network cause fetch hides behind "fetch failed" (ECONNREFUSED, …). */
function describeError(err: unknown) {
  const { message, cause } = err as Error & { cause?: { code?: string } };

  return cause?.code ? `${message}: ${cause.code}` : message;
}

/**
 * Runs the catch-up feed in the background, one run at a time; requests made meanwhile merge into the
 * next run (lowest cursor wins). A failed run is retried with exponential backoff and jitter, from the
 * last page it applied, so a key manager that is down at start is caught up with once it is back.
 */
export function createCatchUp({ state, fetchPage, backoff, log }: CatchUpOptions) {
  let pendingFrom: number | null = null;
  let running = false;
  let stopped = false;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => (clearTimeout(timer), resolve());
    });

  const drain = async (from: number, progress: { cursor: number }) => {
    let applied = 0;
    for (let more = true; more && !stopped;) {
      const page = await fetchPage(progress.cursor);
      for (const event of page.events) {
        // Types this gateway does not know (later ones) are skipped; the cursor still moves.
        if (isTokenEventType(event.type) && event.tokens) {
          applyRevocation(state, { sequence: event.sequence, type: event.type, tokens: event.tokens });
          applied += event.tokens.length;
        }
        if (event.type === SUBSCRIPTION_CHANGED && event.client_id && event.api)
          applySubscriptionChange(state, { client_id: event.client_id, api: event.api });
        state.seen.add(event.id);
      }
      if (page.has_more && page.next_after <= progress.cursor) throw new Error("feed cursor did not advance");
      progress.cursor = Math.max(progress.cursor, page.next_after);
      state.lastSequence = Math.max(state.lastSequence, progress.cursor);
      more = page.has_more;
    }
    state.counters.catchups += 1;
    log.info(`catch-up after=${from} reached=${progress.cursor} evicted=${applied}`);
  };

  const run = async () => {
    running = true;
    for (let failures = 0; pendingFrom !== null && !stopped;) {
      const progress = { cursor: pendingFrom };
      const from = pendingFrom;
      pendingFrom = null;
      try {
        await drain(from, progress);
        failures = 0;
      } catch (err) {
        pendingFrom = Math.min(pendingFrom ?? progress.cursor, progress.cursor);
        failures += 1;
        state.counters.catchupFailures += 1;
        state.lastCatchUpError = describeError(err);
        const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (failures - 1)) * (0.5 + Math.random() / 2);
        log.warn(`catch-up after=${progress.cursor} failed (${state.lastCatchUpError}); retry in ${Math.round(delay)} ms`);
        await sleep(delay);
      }
    }
    running = false;
    if (pendingFrom === null) state.resyncing = false; // caught up (not merely stopped)
  };

  /** Ask for every revocation after `after`; never blocks the caller. */
  const request = (after: number) => {
    pendingFrom = pendingFrom === null ? after : Math.min(pendingFrom, after);
    if (!running && !stopped) void run();
  };

  /** Track a notice's sequence: a jump past last+1 may hide missed notices, so fetch what lies between. */
  const observe = (sequence: number) => {
    if (sequence > state.lastSequence + 1) request(state.lastSequence);
    state.lastSequence = Math.max(state.lastSequence, sequence);
  };

  /** A heartbeat's latest sequence: whatever lies past the last one seen was missed (or is on its way), so fetch it now. */
  const observeLatest = (latest: number) => {
    if (latest > state.lastSequence) request(state.lastSequence);
    state.lastSequence = Math.max(state.lastSequence, latest);
  };

  const stop = () => {
    stopped = true;
    wake?.();
  };

  const busy = () => running || pendingFrom !== null;

  return { request, observe, observeLatest, busy, stop };
}

export type CatchUp = ReturnType<typeof createCatchUp>;
