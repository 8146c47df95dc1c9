import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { GATEWAY_PUBLIC_SELECT } from "./gateway-summary";

export async function getGatewayOrThrow(gatewayId: string) {
  const gateway = await db.gateway.findUnique({ where: { id: gatewayId }, select: GATEWAY_PUBLIC_SELECT });
  if (!gateway) throw new AppError("not_found", "Gateway not found.");

  return gateway;
}
