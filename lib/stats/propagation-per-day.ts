import { env } from "@/lib/base/env";
import { db } from "@/lib/data/db/client";
import { coldQuery, at as param, utcDay } from "@/lib/data/db/cold-sql";
import { engineOf } from "@/lib/data/db/engine";
import { windowDays, windowStart } from "./activity-per-day";
import { scopedClient, type StatsScope } from "./stats-scope";

export type PropagationDay = { day: string; p50: number | null; p99: number | null; notices: number };
export type GatewayPropagation = { gateway: string; days: PropagationDay[] };

type Row = { gateway_id: string; day: string; p50: number | null; p99: number | null; n: bigint | number };

/**
 * Revocation propagation per gateway and UTC day over the last 30 days: p50 and p99 (nearest rank)
 * of the milliseconds from a revocation's commit to the gateway's acknowledgement. Ranked and reduced
 * in SQL (window functions, both engines), so at most gateways × 30 rows come back. With `appId`,
 * only notices that carried that application's tokens.
 */
export async function propagationPerDay({ now = Date.now(), ...scope }: StatsScope & { now?: number }): Promise<GatewayPropagation[]> {
  const clientId = await scopedClient(scope);
  const postgres = engineOf(env.DATABASE_URL) === "postgresql";
  const latency = postgres ? "EXTRACT(EPOCH FROM (d.delivered_at - e.created_at)) * 1000" : "d.delivered_at - e.created_at";
  const carries = clientId === undefined ? "" : postgres ? " AND strpos(e.tokens, ?) > 0" : " AND instr(e.tokens, ?) > 0";
  const rows = await coldQuery<Row>(
    `WITH l AS (
       SELECT d.gateway_id AS g, ${utcDay("d.delivered_at")} AS day, ${latency} AS ms
       FROM deliveries d JOIN revocation_events e ON e.sequence = d.event_sequence
       WHERE d.status = 'delivered' AND d.delivered_at >= :ts${carries}),
     r AS (SELECT g, day, ms, ROW_NUMBER() OVER (PARTITION BY g, day ORDER BY ms) AS rn, COUNT(*) OVER (PARTITION BY g, day) AS n FROM l)
     SELECT g AS gateway_id, day, MIN(CASE WHEN rn >= 0.5 * n THEN ms END) AS p50, MIN(CASE WHEN rn >= 0.99 * n THEN ms END) AS p99,
       MAX(n) AS n
     FROM r GROUP BY g, day`,
    param(windowStart(now)),
    ...(clientId === undefined ? [] : [`"client_id":"${clientId}"`]),
  );
  const gateways = await db.gateway.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.gateway_id))] } },
    select: { id: true, name: true },
  });
  const days = windowDays(now);

  return gateways
    .map((g) => {
      const mine = new Map(rows.filter((r) => r.gateway_id === g.id).map((r) => [r.day, r]));
      const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v)));

      return {
        gateway: g.name,
        days: days.map((day) => ({
          day,
          p50: round(mine.get(day)?.p50),
          p99: round(mine.get(day)?.p99),
          notices: Number(mine.get(day)?.n ?? 0),
        })),
      };
    })
    .sort((a, b) => a.gateway.localeCompare(b.gateway));
}
