import { afterCursor, decodeCursor, encodeCursor } from "@/lib/base/cursor";
import { env } from "@/lib/base/env";
import { withoutEmpty } from "@/lib/base/list-query.shared";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import type { Person } from "@/lib/engine/identity/actor.shared";
import { appListQuerySchema, type AppListQuery } from "./app-list-query";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import type { AppSummary } from "./schemas.shared";

export type AppPage = { apps: AppSummary[]; total: number; nextCursor: string | null };

const ORDER = { newest: ["createdAt", "desc"], oldest: ["createdAt", "asc"], name: ["name", "asc"] } as const;

/**
 * A page of the person's own applications (newest first unless asked), with the total; deleted ones are
 * gone from the list. Anyone's, for those who oversee them, is listAllApps.
 */
export async function listApps({ actor, ...query }: AppListQuery & { actor: Person }): Promise<AppPage> {
  const ownerId = actor.id;
  const f = appListQuerySchema.parse(withoutEmpty(query));
  const [field, direction] = ORDER[f.sort];
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be asked.
  const insensitive = engineOf(env.DATABASE_URL) === "postgresql" ? { mode: "insensitive" as const } : {};
  const where = { ownerId, deletedAt: null, ...(f.q ? { name: { contains: f.q, ...insensitive } } : {}) };
  const [rows, total] = await Promise.all([
    db.app.findMany({
      where: { ...where, ...afterCursor(field, direction, decodeCursor(f.cursor), { text: field === "name" }) },
      orderBy: [{ [field]: direction }, { id: direction }],
      take: f.limit + 1,
      select: APP_SUMMARY_SELECT,
    }),
    db.app.count({ where }),
  ]);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const lastValue = last && (field === "name" ? last.name : last.createdAt.toISOString());

  return {
    apps: page.map(toAppSummary),
    total,
    nextCursor: rows.length > f.limit && last && lastValue ? encodeCursor({ value: lastValue, id: last.id }) : null,
  };
}
