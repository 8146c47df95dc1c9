import type { Actor } from "@/lib/engine/identity/actor.shared";
import { activityPerDay, type ActivityDay } from "./activity-per-day";
import { propagationPerDay, type GatewayPropagation } from "./propagation-per-day";

export type AppStats = { activity: ActivityDay[]; propagation: GatewayPropagation[] };

/** One application's charts, for its owner or an admin; anyone else gets `not_found` (each chart checks). */
export async function appStats({ appId, actor }: { appId: string; actor: Actor }): Promise<AppStats> {
  const [activity, propagation] = await Promise.all([activityPerDay({ appId, actor }), propagationPerDay({ appId, actor })]);

  return { activity, propagation };
}
