import type { CanaryOutcome, CanaryRunSummary, CanaryTrigger } from "@/lib/base/canary.shared";
import type { CanaryRun } from "@/lib/data/db/generated/sqlite/client";

/** A stored canary run, as the card, the API and the CLI show it. */
export const toCanaryRunSummary = (r: CanaryRun): CanaryRunSummary => ({
  id: r.id,
  startedAt: r.startedAt.toISOString(),
  outcome: r.outcome as CanaryOutcome,
  admittedStatus: r.admittedStatus,
  refusedStatus: r.refusedStatus,
  refusalMs: r.refusalMs,
  acknowledged: r.acknowledged,
  detail: r.detail,
  trigger: r.trigger as CanaryTrigger,
});
