import { db } from "@/lib/data/db/client";

export type AdminOverview = { users: number; admins: number; apps: number; activeTokens: number };

/** Headline counts for the admin overview. Callers must already have checked the admin role. */
export async function getAdminOverview(now = new Date()): Promise<AdminOverview> {
  const [users, admins, apps, activeTokens] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { role: "admin" } }),
    db.app.count({ where: { deletedAt: null } }),
    db.token.count({ where: { revokedAt: null, expiresAt: { gt: now } } }),
  ]);

  return { users, admins, apps, activeTokens };
}
