import { db } from "@/lib/db/client";
import type { GatewayHealth } from "./schemas";

const HOUR_MS = 3600_000;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : null;

/** Delivery health of one gateway: last outcomes, backlog, and latency from revocation commit to acknowledgement. */
export async function gatewayHealth(gatewayId: string, now = Date.now()): Promise<GatewayHealth> {
  const since = new Date(now - HOUR_MS);
  const [lastSuccess, lastFailure, pending, failed, recent] = await Promise.all([
    db.delivery.findFirst({ where: { gatewayId, status: "delivered" }, orderBy: { deliveredAt: "desc" }, select: { deliveredAt: true } }),
    db.delivery.findFirst({
      where: { gatewayId, lastError: { not: null } },
      orderBy: { lastAttemptAt: "desc" },
      select: { lastAttemptAt: true, lastError: true },
    }),
    db.delivery.count({ where: { gatewayId, status: "pending" } }),
    db.delivery.count({ where: { gatewayId, status: "failed" } }),
    db.delivery.findMany({
      where: { gatewayId, status: "delivered", deliveredAt: { gte: since } },
      select: { deliveredAt: true, event: { select: { createdAt: true } } },
    }),
  ]);
  const latencies = recent.map((d) => d.deliveredAt!.getTime() - d.event.createdAt.getTime()).sort((a, b) => a - b);

  return {
    lastSuccessAt: lastSuccess?.deliveredAt?.toISOString() ?? null,
    lastFailureAt: lastFailure?.lastAttemptAt?.toISOString() ?? null,
    lastError: lastFailure?.lastError ?? null,
    pending,
    failed,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    deliveredLastHour: latencies.length,
  };
}
