import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { Role } from "@/lib/users/schemas";

export type AuditEventSummary = {
  id: string;
  appId: string | null;
  appName: string | null;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  ip: string | null;
  createdAt: string;
};

type ListEventsOptions = {
  user: { id: string; role: Role };
  appId?: string; // omitted: every application's trail, for admins only
  before?: Date; // the page after this point (newest first)
  limit?: number;
};

const MAX_LIMIT = 200;

/** An application's audit trail, newest first. Owners see their own apps' trails; admins see any, deleted apps included. */
export async function listEvents({ user, appId, before, limit = 100 }: ListEventsOptions): Promise<AuditEventSummary[]> {
  const isAdmin = user.role === "admin";
  if (appId && !isAdmin) await getAppOrThrow({ appId, userId: user.id });
  if (appId && isAdmin && !(await db.app.findUnique({ where: { id: appId }, select: { id: true } }))) {
    throw new AppError("not_found", "Application not found.");
  }
  if (!appId && !isAdmin) throw new AppError("forbidden", "Requires the admin role.");
  const rows = await db.auditEvent.findMany({
    where: { ...(appId ? { appId } : {}), ...(before ? { createdAt: { lt: before } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), MAX_LIMIT),
  });
  const appIds = [...new Set(rows.map((e) => e.appId).filter((id): id is string => id !== null))];
  const apps = await db.app.findMany({ where: { id: { in: appIds } }, select: { id: true, name: true } });
  const names = new Map(apps.map((a) => [a.id, a.name]));

  return rows.map((e) => ({
    id: e.id,
    appId: e.appId,
    appName: e.appId ? (names.get(e.appId) ?? null) : null,
    actor: e.actor,
    action: e.action,
    detail: JSON.parse(e.detail) as Record<string, unknown>,
    ip: e.ip,
    createdAt: e.createdAt.toISOString(),
  }));
}
