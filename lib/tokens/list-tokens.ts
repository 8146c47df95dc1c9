import { afterCursor, decodeCursor, encodeCursor } from "@/lib/base/cursor";
import { AppError } from "@/lib/base/errors.shared";
import { tokenListQuerySchema, withoutEmpty, type TokenListQuery } from "@/lib/base/list-query.shared";
import { db } from "@/lib/data/db/client";
import type { Prisma } from "@/lib/data/db/generated/sqlite/client";
import type { TokenSource, TokenType } from "@/lib/data/store";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { can } from "@/lib/engine/identity/permissions.shared";

export type TokenStatus = "active" | "expired" | "revoked";

export type TokenSummary = {
  id: string;
  prefix: string;
  last4: string;
  type: TokenType;
  scope: string;
  createdAt: string;
  expiresAt: string;
  status: TokenStatus;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
  lastUsedAt: string | null; // the last active introspection, to within a minute (lib/engine/usage)
  source: TokenSource; // where it was issued, and the note typed for it: stored on the token
  note: string | null;
};

/** One page of a list, with how many rows match in all ("100 of 232"). */
export type TokenPage = { tokens: TokenSummary[]; total: number; nextCursor: string | null };

const statusOf = (t: { revokedAt: Date | null; expiresAt: Date }, now: number): TokenStatus =>
  t.revokedAt ? "revoked" : t.expiresAt.getTime() <= now ? "expired" : "active";

const SORT_FIELD = { created: "createdAt", expires: "expiresAt" } as const;
const nextDay = (day: string) => new Date(Date.parse(day) + 86_400_000);

function stateWhere(state: TokenStatus | undefined, now: Date): Prisma.TokenWhereInput {
  if (state === "revoked") return { revokedAt: { not: null } };
  if (state === "active") return { revokedAt: null, expiresAt: { gt: now } };
  if (state === "expired") return { revokedAt: null, expiresAt: { lte: now } };

  return {};
}

/** The client's application's owner, an admin or the operator (`apps.read`); to anyone else the client is `not_found`. */
async function assertMayRead(actor: Actor, clientId: string) {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { kind: true, app: { select: { ownerId: true } } } });
  // The gateway canary's client lists nothing: its tokens are no one's (README, "Canary").
  if (!client || client.kind === "canary" || !can(actor, "apps.read", client.app ?? undefined)) {
    throw new AppError("not_found", "Client not found.");
  }
}

/**
 * A page of a client's tokens, filtered and sorted, with the count of all that match. Keyset
 * pagination: see lib/base/cursor.ts.
 */
export async function listTokens({
  clientId,
  actor,
  now = Date.now(),
  ...query
}: TokenListQuery & { clientId: string; actor: Actor; now?: number }): Promise<TokenPage> {
  await assertMayRead(actor, clientId);
  const f = tokenListQuerySchema.parse(withoutEmpty(query));
  const [key, direction] = f.sort.split("_") as ["created" | "expires", "asc" | "desc"];
  const field = SORT_FIELD[key];
  const where: Prisma.TokenWhereInput = {
    clientId,
    ...(f.type ? { type: f.type } : {}),
    ...(f.q ? { last4: { endsWith: f.q.slice(-4) } } : {}),
    AND: [
      stateWhere(f.state, new Date(now)),
      f.createdFrom || f.createdTo
        ? {
            createdAt: { ...(f.createdFrom ? { gte: new Date(f.createdFrom) } : {}), ...(f.createdTo ? { lt: nextDay(f.createdTo) } : {}) },
          }
        : {},
      f.expiresFrom || f.expiresTo
        ? {
            expiresAt: { ...(f.expiresFrom ? { gte: new Date(f.expiresFrom) } : {}), ...(f.expiresTo ? { lt: nextDay(f.expiresTo) } : {}) },
          }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.token.findMany({
      where: { ...where, ...afterCursor(field, direction, decodeCursor(f.cursor)) },
      orderBy: [{ [field]: direction }, { id: direction }],
      take: f.limit + 1, // one more tells whether there is a next page
    }),
    db.token.count({ where }),
  ]);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);

  return {
    tokens: page.map((t) => ({
      id: t.id,
      prefix: t.prefix,
      last4: t.last4,
      type: t.type as TokenType,
      scope: t.scope,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      status: statusOf(t, now),
      revokedAt: t.revokedAt?.toISOString() ?? null,
      revokedBy: t.revokedBy,
      revokedReason: t.revokedReason,
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      source: t.source as TokenSource,
      note: t.note,
    })),
    total,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ value: last[field].toISOString(), id: last.id }) : null,
  };
}
