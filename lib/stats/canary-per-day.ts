import { db } from "@/lib/data/db/client";
import { coldQuery, at as param, utcDay } from "@/lib/data/db/cold-sql";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { windowDays, windowStart } from "./activity-per-day";

export type CanaryDay = { day: string; runs: number; failed: number; slowestMs: number | null };
export type GatewayCanary = { gateway: string; days: CanaryDay[] };

type Row = { gateway_id: string; day: string; runs: bigint | number; failed: bigint | number; slowest: bigint | number | null };

/**
 * The gateway canary per gateway and UTC day over the last 30 days (README, "Canary"): how many runs, how many
 * did not pass, and the slowest refusal of those that did. Grouped in SQL: at most gateways × 30 rows come back.
 */
export async function canaryPerDay({ actor, now = Date.now() }: { actor: Actor; now?: number }): Promise<GatewayCanary[]> {
  assertCan(actor, "stats.read_all");
  const rows = await coldQuery<Row>(
    `SELECT gateway_id, ${utcDay("started_at")} AS day, COUNT(*) AS runs,
       SUM(CASE WHEN outcome = 'passed' THEN 0 ELSE 1 END) AS failed, MAX(refusal_ms) AS slowest
     FROM canary_runs WHERE started_at >= :ts GROUP BY gateway_id, day`,
    param(windowStart(now)),
  );
  const gateways = await db.gateway.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.gateway_id))] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });

  return gateways.map((g) => {
    const mine = new Map(rows.filter((r) => r.gateway_id === g.id).map((r) => [r.day, r]));

    return {
      gateway: g.name,
      days: windowDays(now).map((day) => {
        const r = mine.get(day);

        return {
          day,
          runs: Number(r?.runs ?? 0),
          failed: Number(r?.failed ?? 0),
          slowestMs: r?.slowest == null ? null : Number(r.slowest),
        };
      }),
    };
  });
}
