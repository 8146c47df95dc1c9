import { db } from "@/lib/data/db/client";
import type { Person } from "@/lib/engine/identity/actor.shared";

export type UserGrant = {
  clientId: string;
  appName: string;
  ownerEmail: string;
  scope: string[];
  approvedAt: string;
  activeTokens: number;
};

/** The applications the person has authorized (Authorized applications), newest first. */
export async function listUserGrants({ actor, now = Date.now() }: { actor: Person; now?: number }): Promise<UserGrant[]> {
  const userId = actor.id;
  const grants = await db.grant.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  const clients = await db.client.findMany({
    where: { id: { in: grants.map((g) => g.clientId) } },
    select: { id: true, app: { select: { name: true, owner: { select: { email: true } } } } },
  });
  const counts = await db.token.groupBy({
    by: ["clientId"],
    where: { userId, clientId: { in: grants.map((g) => g.clientId) }, revokedAt: null, expiresAt: { gt: new Date(now) } },
    _count: { _all: true },
  });

  return grants.map((g) => {
    const app = clients.find((c) => c.id === g.clientId)?.app;
    return {
      clientId: g.clientId,
      appName: app?.name ?? "(deleted application)",
      ownerEmail: app?.owner.email ?? "",
      scope: g.scope.split(" ").filter(Boolean),
      approvedAt: g.createdAt.toISOString(),
      activeTokens: counts.find((c) => c.clientId === g.clientId)?._count._all ?? 0,
    };
  });
}
