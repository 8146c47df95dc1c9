import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import type { Role } from "@/lib/users/schemas.shared";
import { activityPerDay, type ActivityDay } from "./activity-per-day";
import { propagationPerDay, type GatewayPropagation } from "./propagation-per-day";

export type AppStats = { activity: ActivityDay[]; propagation: GatewayPropagation[] };

/** One application's charts: its owner's (or, with `role`, an admin's); anyone else gets `not_found`. */
export async function appStats({ appId, userId, role }: { appId: string; userId: string; role?: Role }): Promise<AppStats> {
  const { clientId } = await getAppOrThrow({ appId, userId, role });
  const [activity, propagation] = await Promise.all([activityPerDay({ clientId }), propagationPerDay({ clientId })]);

  return { activity, propagation };
}
