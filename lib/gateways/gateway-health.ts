import { db } from "@/lib/data/db/client";
import { toCanaryRunSummary } from "./canary-run-summary";
import { currentTiming, decideState, readStateFacts } from "./gateway-state";
import type { GatewayHealth } from "./schemas.shared";

const HOUR_MS = 3600_000;
const LATENCY_SAMPLE = 1_000; // percentiles over the newest 1,000 acknowledgements of the hour

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : null;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Delivery health of one gateway: its state (README, "Gateway states"), last outcomes, backlog, and latency
 * from revocation commit to acknowledgement (p50/p99 of the hour's newest 1,000), and its newest canary run
 * (README, "Canary"). Null once it is deleted.
 */
export async function gatewayHealth(gatewayId: string, now = Date.now()): Promise<GatewayHealth | null> {
  const since = new Date(now - HOUR_MS);
  const [facts, failed, recent, deliveredLastHour, canary] = await Promise.all([
    readStateFacts(gatewayId, now),
    db.delivery.count({ where: { gatewayId, status: "failed" } }),
    // A bounded sample (the newest acknowledgements, by index), whatever the hour's volume: the page
    // polls every 3 s and must cost the key manager nothing it would notice.
    db.delivery.findMany({
      where: { gatewayId, deliveredAt: { gte: since } },
      orderBy: { deliveredAt: "desc" },
      take: LATENCY_SAMPLE,
      select: { deliveredAt: true, event: { select: { createdAt: true } } },
    }),
    db.delivery.count({ where: { gatewayId, deliveredAt: { gte: since } } }),
    db.canaryRun.findFirst({ where: { gatewayId }, orderBy: { startedAt: "desc" } }),
  ]);
  if (!facts) return null;
  const latencies = recent.map((d) => d.deliveredAt!.getTime() - d.event.createdAt.getTime()).sort((a, b) => a - b);

  return {
    state: decideState(facts, now, currentTiming()),
    lastSuccessAt: iso(facts.lastDeliveredAt),
    lastFailureAt: iso(facts.lastFailureAt),
    lastError: facts.lastError,
    pending: facts.pending,
    failed,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    deliveredLastHour,
    canary: canary && toCanaryRunSummary(canary),
  };
}
