import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { GATEWAY_PUBLIC_SELECT } from "./gateway-summary";

export async function getGatewayOrThrow(gatewayId: string) {
  const gateway = await db.gateway.findUnique({ where: { id: gatewayId }, select: GATEWAY_PUBLIC_SELECT });
  if (!gateway) throw new AppError("not_found", "Gateway not found.");

  return gateway;
}
