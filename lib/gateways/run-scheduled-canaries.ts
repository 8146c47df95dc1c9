import type { CanaryRunSummary } from "@/lib/base/canary.shared";
import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { store, type QueuedNotices } from "@/lib/data/store";
import { systemActor } from "@/lib/engine/identity/actor.shared";
import { takeSettingsLease } from "@/lib/engine/leases/settings-lease";
import { SETTINGS } from "@/lib/engine/settings/definitions.shared";
import { verifyGateway } from "./verify-gateway";

type RunScheduledOptions = {
  flush: (notices: QueuedNotices) => Promise<unknown>;
  gatewayIds?: string[]; // only these (as sendHeartbeats: tests share one database)
  now?: number;
};

/**
 * The schedule's round (README, "Canary"): while `canary_interval` is on, every enabled gateway with a
 * canary URL whose newest run (by anyone) is older than the interval gets one, one gateway at a time.
 * One instance runs a round at a time (a lease); the others return at once. Returns the runs.
 */
export async function runScheduledCanaries({ flush, gatewayIds, now = Date.now() }: RunScheduledOptions): Promise<CanaryRunSummary[]> {
  const interval = Number((await store().getSettings()).canary_interval ?? SETTINGS.canary_interval.default);
  if (!(interval > 0)) return [];
  const due = await db.gateway.findMany({
    where: {
      ...(gatewayIds ? { id: { in: gatewayIds } } : {}),
      disabledAt: null,
      canaryUrl: { not: null },
      canaryRuns: { none: { startedAt: { gt: new Date(now - interval * 1000) } } },
    },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  if (due.length === 0) return [];
  // One round at a time across instances; a round that died frees it within 5 minutes.
  const lease = await takeSettingsLease({ key: "internal.canary_lease", leaseMs: 5 * 60_000, now });
  if (!lease) return [];
  const runs: CanaryRunSummary[] = [];
  try {
    for (const { id } of due) {
      try {
        runs.push(await verifyGateway({ gatewayId: id, actor: systemActor("canary"), flush }));
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // deleted or disabled meanwhile: the next one still runs
      }
    }
  } finally {
    await lease.release();
  }

  return runs;
}
