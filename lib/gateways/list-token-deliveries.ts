import { db } from "@/lib/db/client";

export type TokenDelivery = {
  gatewayName: string;
  environment: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  deliveredAt: string | null;
  lastError: string | null;
  latencyMs: number | null; // revocation commit → acknowledgement
};

/**
 * Which gateways acknowledged the notice that announced this token's revocation, and when. The
 * caller has checked that the user may see the token (its application is theirs, or they are an admin).
 */
export async function listTokenDeliveries({ tokenId }: { tokenId: string }): Promise<TokenDelivery[]> {
  const token = await db.token.findUnique({ where: { id: tokenId }, select: { revocationSeq: true } });
  if (!token?.revocationSeq) return [];
  const rows = await db.delivery.findMany({
    where: { eventSequence: token.revocationSeq },
    include: { gateway: { select: { name: true, environment: true } }, event: { select: { createdAt: true } } },
    orderBy: { gateway: { name: "asc" } },
  });

  return rows.map((d) => ({
    gatewayName: d.gateway.name,
    environment: d.gateway.environment,
    status: d.status as TokenDelivery["status"],
    attempts: d.attempts,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    lastError: d.lastError,
    latencyMs: d.deliveredAt ? d.deliveredAt.getTime() - d.event.createdAt.getTime() : null,
  }));
}
