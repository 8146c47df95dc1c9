import { afterCursor, decodeCursor, encodeCursor } from "@/lib/base/cursor";
import { AppError } from "@/lib/base/errors.shared";
import { withoutEmpty } from "@/lib/base/list-query.shared";
import { db } from "@/lib/data/db/client";
import type { Prisma } from "@/lib/data/db/generated/sqlite/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { can } from "@/lib/engine/identity/permissions.shared";
import { eventListQuerySchema, type EventListQuery } from "./event-list-query";

export type AuditEventSummary = {
  id: string;
  appId: string | null;
  appName: string | null;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  tokens: string[]; // "…ab12" of the tokens the event names, so a row can be matched to the tokens list
  ip: string | null;
  createdAt: string;
};

export type EventPage = { events: AuditEventSummary[]; total: number; nextCursor: string | null };

type ListEventsOptions = EventListQuery & {
  actor: Actor;
  appId?: string; // omitted: every application's trail, for admins only
};

const SHOWN_TOKENS = 5;

/** The tokens an event names, by id (older rows carry no last 4 of their own). */
async function tokenLabels(rows: { detail: Record<string, unknown> }[]): Promise<Map<string, string>> {
  const ids = rows.flatMap(({ detail }) => [
    ...(typeof detail.tokenId === "string" ? [detail.tokenId] : []),
    ...(Array.isArray(detail.tokenIds) ? (detail.tokenIds as string[]).slice(0, SHOWN_TOKENS) : []),
  ]);
  if (ids.length === 0) return new Map();
  const tokens = await db.token.findMany({ where: { id: { in: ids } }, select: { id: true, last4: true } });

  return new Map(tokens.map((t) => [t.id, `…${t.last4}`]));
}

/** An application's audit trail, newest first. Owners see their own apps' trails; admins see any, deleted apps included. */
export async function listEvents({ actor, appId, ...query }: ListEventsOptions): Promise<EventPage> {
  const f = eventListQuerySchema.parse(withoutEmpty(query));
  if (appId) {
    const app = await db.app.findUnique({ where: { id: appId }, select: { ownerId: true, deletedAt: true } });
    const visible = app && (can(actor, "audit.read_all") || (app.deletedAt === null && can(actor, "apps.read_activity", app)));
    if (!visible) throw new AppError("not_found", "Application not found.");
  } else assertCan(actor, "audit.read_all");
  const direction = f.sort === "newest" ? "desc" : "asc";
  const where: Prisma.AuditEventWhereInput = {
    ...(appId ? { appId } : {}),
    ...(f.kind ? { action: { startsWith: `${f.kind}` } } : {}),
    ...(f.q ? { actor: { contains: f.q.toLowerCase() } } : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: new Date(f.from) } : {}), ...(f.to ? { lt: new Date(Date.parse(f.to) + 86_400_000) } : {}) } }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where: { ...where, ...afterCursor("createdAt", direction, decodeCursor(f.cursor)) },
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: f.limit + 1,
    }),
    db.auditEvent.count({ where }),
  ]);
  const page = rows.slice(0, f.limit).map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
  const appIds = [...new Set(page.map((e) => e.appId).filter((id): id is string => id !== null))];
  const gatewayIds = [...new Set(page.map((e) => e.detail.gatewayId).filter((id): id is string => typeof id === "string"))];
  const [apps, labels, gateways] = await Promise.all([
    db.app.findMany({ where: { id: { in: appIds } }, select: { id: true, name: true } }),
    tokenLabels(page),
    gatewayIds.length ? db.gateway.findMany({ where: { id: { in: gatewayIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map(apps.map((a) => [a.id, a.name]));
  const gatewayNames = new Map(gateways.map((g) => [g.id, g.name]));
  const last = page.at(-1);

  return {
    events: page.map((e) => {
      const own = typeof e.detail.last4 === "string" ? [`…${e.detail.last4}`] : [];
      const ids = [
        ...(typeof e.detail.tokenId === "string" ? [e.detail.tokenId] : []),
        ...(Array.isArray(e.detail.tokenIds) ? (e.detail.tokenIds as string[]).slice(0, SHOWN_TOKENS) : []),
      ];

      return {
        id: e.id,
        appId: e.appId,
        appName: e.appId ? (names.get(e.appId) ?? null) : null,
        actor: e.actor,
        action: e.action,
        // The gateway's current name, for rows that record only its id (a removed gateway keeps the name it logged).
        detail:
          typeof e.detail.gatewayId === "string"
            ? { gatewayName: gatewayNames.get(e.detail.gatewayId) ?? e.detail.name, ...e.detail }
            : e.detail,
        tokens: own.length ? own : ids.flatMap((id) => labels.get(id) ?? []),
        ip: e.ip,
        createdAt: e.createdAt.toISOString(),
      };
    }),
    total,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
