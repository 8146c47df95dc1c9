import { NOT_CANARY } from "@/lib/base/canary.shared";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";

export type AdminOverview = { users: number; admins: number; apps: number; activeTokens: number };

/** Headline counts for the admin overview. */
export async function getAdminOverview({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<AdminOverview> {
  assertCan(actor, "stats.read_all");
  const [users, admins, apps, activeTokens] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { role: "admin" } }),
    db.app.count({ where: { deletedAt: null } }),
    db.token.count({ where: { revokedAt: null, expiresAt: { gt: now }, ...NOT_CANARY } }),
  ]);

  return { users, admins, apps, activeTokens };
}
