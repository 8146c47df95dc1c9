import { afterCursor, decodeCursor, encodeCursor } from "@/lib/base/cursor";
import { env } from "@/lib/base/env";
import { withoutEmpty } from "@/lib/base/list-query.shared";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { appListQuerySchema, type AppListQuery } from "./app-list-query";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import type { AppSummary } from "./schemas.shared";

export type OverseenApp = AppSummary & { ownerEmail: string; ownerSuspended: boolean };
export type OverseenAppPage = { apps: OverseenApp[]; total: number; nextCursor: string | null };

const ORDER = { newest: ["createdAt", "desc"], oldest: ["createdAt", "asc"], name: ["name", "asc"] } as const;

/**
 * Admin → Applications: every application not deleted, whoever owns it, with its owner; `q` matches
 * the name or the owner's email.
 */
export async function listAllApps({ actor, ...query }: AppListQuery & { actor: Actor }): Promise<OverseenAppPage> {
  assertCan(actor, "apps.oversee");
  const f = appListQuerySchema.parse(withoutEmpty(query));
  const [field, direction] = ORDER[f.sort];
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be asked.
  const insensitive = engineOf(env.DATABASE_URL) === "postgresql" ? { mode: "insensitive" as const } : {};
  const match = f.q ? { OR: [{ name: { contains: f.q, ...insensitive } }, { owner: { email: { contains: f.q, ...insensitive } } }] } : {};
  const where = { deletedAt: null, ...match };
  const [rows, total] = await Promise.all([
    db.app.findMany({
      where: { AND: [where, afterCursor(field, direction, decodeCursor(f.cursor), { text: field === "name" })] },
      orderBy: [{ [field]: direction }, { id: direction }],
      take: f.limit + 1,
      select: { ...APP_SUMMARY_SELECT, owner: { select: { email: true, suspendedAt: true } } },
    }),
    db.app.count({ where }),
  ]);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const lastValue = last && (field === "name" ? last.name : last.createdAt.toISOString());

  return {
    apps: page.map((a) => ({ ...toAppSummary(a), ownerEmail: a.owner.email, ownerSuspended: a.owner.suspendedAt !== null })),
    total,
    nextCursor: rows.length > f.limit && last && lastValue ? encodeCursor({ value: lastValue, id: last.id }) : null,
  };
}
