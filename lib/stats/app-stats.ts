import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { activityPerDay, type ActivityDay } from "./activity-per-day";
import { propagationPerDay, type GatewayPropagation } from "./propagation-per-day";

export type AppStats = { activity: ActivityDay[]; propagation: GatewayPropagation[] };

/** One application's charts, for its owner or an admin; anyone else gets `not_found`. */
export async function appStats({ appId, actor }: { appId: string; actor: Actor }): Promise<AppStats> {
  const { clientId } = await getAppOrThrow({ appId, actor, may: "apps.read" });
  const [activity, propagation] = await Promise.all([activityPerDay({ clientId }), propagationPerDay({ clientId })]);

  return { activity, propagation };
}
