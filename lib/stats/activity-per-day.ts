import { CANARY_CLIENT_ID } from "@/lib/base/canary.shared";
import { coldQuery, at as param, utcDay } from "@/lib/data/db/cold-sql";
import { scopedClient, type StatsScope } from "./stats-scope";

export const CHART_DAYS = 30;
const DAY_MS = 86_400_000;

export type ActivityDay = { day: string; issued: number; revoked: number; introspections: number };

/** The first UTC day (epoch ms) of a window of `days` ending today. */
export const windowStart = (now: number, days = CHART_DAYS) => Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;

/** Every day of the window, oldest first, as YYYY-MM-DD. */
export const windowDays = (now: number, days = CHART_DAYS) =>
  Array.from({ length: days }, (_, i) => new Date(windowStart(now, days) + i * DAY_MS).toISOString().slice(0, 10));

type Count = { day: string; count: bigint | number };

/**
 * Tokens issued and revoked, and introspections, per UTC day over the last 30 days — all of them, or
 * one application's. Counted and grouped in SQL (at most 30 rows per series come back), zeros filled in.
 */
export async function activityPerDay({ now = Date.now(), ...scope }: StatsScope & { now?: number }): Promise<ActivityDay[]> {
  const clientId = await scopedClient(scope);
  const from = windowStart(now);
  // The whole house leaves out the gateway canary's tokens and introspections (README, "Canary").
  const client = clientId === undefined ? ` AND client_id <> '${CANARY_CLIENT_ID}'` : " AND client_id = ?";
  const args = clientId === undefined ? [] : [clientId];
  const [issued, revoked, introspections] = await Promise.all([
    coldQuery<Count>(
      `SELECT ${utcDay("created_at")} AS day, COUNT(*) AS count FROM tokens WHERE created_at >= :ts${client} GROUP BY day`,
      param(from),
      ...args,
    ),
    coldQuery<Count>(
      `SELECT ${utcDay("revoked_at")} AS day, COUNT(*) AS count FROM tokens WHERE revoked_at >= :ts${client} GROUP BY day`,
      param(from),
      ...args,
    ),
    coldQuery<Count>(
      `SELECT day, SUM(count) AS count FROM introspection_counts WHERE day >= ?${client} GROUP BY day`,
      new Date(from).toISOString().slice(0, 10),
      ...args,
    ),
  ]);
  const byDay = (rows: Count[]) => new Map(rows.map((r) => [r.day, Number(r.count)]));
  const [i, r, n] = [byDay(issued), byDay(revoked), byDay(introspections)];

  return windowDays(now).map((day) => ({ day, issued: i.get(day) ?? 0, revoked: r.get(day) ?? 0, introspections: n.get(day) ?? 0 }));
}
