import { getAppTokensOrThrow } from "@/lib/apps/get-app-tokens-or-throw";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";

export type TokenDelivery = {
  gatewayId: string;
  gatewayName: string;
  environment: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  deliveredAt: string | null;
  lastError: string | null;
  latencyMs: number | null; // revocation commit → acknowledgement
};

/** Which gateways acknowledged the notice that announced this token's revocation, and when. */
async function deliveriesOf(tokenId: string): Promise<TokenDelivery[]> {
  const token = await db.token.findUnique({ where: { id: tokenId }, select: { revocationSeq: true } });
  if (!token?.revocationSeq) return [];
  const event = await db.revocationEvent.findUnique({ where: { sequence: token.revocationSeq }, select: { createdAt: true } });
  // From the gateways to their delivery, not back: Prisma reads a relation in a second query, and a
  // gateway deleted in between would leave a delivery with no gateway to name.
  const gateways = await db.gateway.findMany({
    // A disabled gateway's delivery is held (and its introspection refused) until it is enabled: not one to wait for.
    where: { disabledAt: null, deliveries: { some: { eventSequence: token.revocationSeq } } },
    select: { id: true, name: true, environment: true, deliveries: { where: { eventSequence: token.revocationSeq } } },
    orderBy: { name: "asc" },
  });

  return gateways.flatMap(({ id, name, environment, deliveries }) =>
    deliveries.map((d) => ({
      gatewayId: id,
      gatewayName: name,
      environment,
      status: d.status as TokenDelivery["status"],
      attempts: d.attempts,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      lastError: d.lastError,
      latencyMs: d.deliveredAt && event ? d.deliveredAt.getTime() - event.createdAt.getTime() : null,
    })),
  );
}

type ListAppTokenDeliveriesOptions = { appId: string; tokenId: string; actor: Actor };

/**
 * The gateway acknowledgements of one token of the user's application. Another user's app, or a
 * token of another client (even the user's own other app), is `not_found`, so ids cannot be probed.
 */
export async function listAppTokenDeliveries({ appId, tokenId, actor }: ListAppTokenDeliveriesOptions): Promise<TokenDelivery[]> {
  await getAppTokensOrThrow({ appId, tokenIds: [tokenId], actor, may: "apps.read" });

  return deliveriesOf(tokenId);
}
