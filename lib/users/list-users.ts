import { afterCursor, decodeCursor, encodeCursor } from "@/lib/base/cursor";
import { env } from "@/lib/base/env";
import { withoutEmpty } from "@/lib/base/list-query.shared";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import type { Role } from "./schemas.shared";
import { userListQuerySchema, type UserListQuery, type UserPage } from "./user-list-query";

/** A page of every account, newest first, for admins: search by email or name, filter by role and suspension. */
export async function listUsers({ actor, ...query }: UserListQuery & { actor: Actor }): Promise<UserPage> {
  assertCan(actor, "users.manage");
  const f = userListQuerySchema.parse(withoutEmpty(query));
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be asked.
  const insensitive = engineOf(env.DATABASE_URL) === "postgresql" ? { mode: "insensitive" as const } : {};
  const where = {
    ...(f.q ? { OR: [{ email: { contains: f.q, ...insensitive } }, { name: { contains: f.q, ...insensitive } }] } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.state ? { suspendedAt: f.state === "suspended" ? { not: null } : null } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where: { AND: [where, afterCursor("createdAt", "desc", decodeCursor(f.cursor))] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: f.limit + 1,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        createdAt: true,
        suspendedAt: true,
        _count: { select: { apps: { where: { deletedAt: null } } } },
      },
    }),
    db.user.count({ where }),
  ]);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);

  return {
    users: page.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role as Role,
      createdAt: u.createdAt.toISOString(),
      suspendedAt: u.suspendedAt?.toISOString() ?? null,
      apps: u._count.apps,
    })),
    total,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
