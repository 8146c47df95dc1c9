import { NOT_CANARY } from "@/lib/base/canary.shared";
import { afterCursor, decodeCursor, encodeCursor } from "@/lib/base/cursor";
import { env } from "@/lib/base/env";
import { withoutEmpty } from "@/lib/base/list-query.shared";
import { db } from "@/lib/data/db/client";
import { engineOf } from "@/lib/data/db/engine";
import type { Prisma } from "@/lib/data/db/generated/sqlite/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { parseTokenHint, tokenSearchQuerySchema, type TokenSearchPage, type TokenSearchQuery } from "./token-search-query";

/** Owners matched by part of an email: at most this many applications' clients go into the token query. */
const MAX_OWNER_CLIENTS = 1000;

const stateWhere = (state: string | undefined, now: Date): Prisma.TokenWhereInput =>
  state === "revoked"
    ? { revokedAt: { not: null } }
    : state === "active"
      ? { revokedAt: null, expiresAt: { gt: now } }
      : state === "expired"
        ? { revokedAt: null, expiresAt: { lte: now } }
        : {};

/** The clients of applications whose owner's email contains `owner` (for admins; deleted applications included). */
async function clientsOfOwners(owner: string): Promise<string[]> {
  const insensitive = engineOf(env.DATABASE_URL) === "postgresql" ? { mode: "insensitive" as const } : {};
  const clients = await db.client.findMany({
    where: { app: { owner: { email: { contains: owner, ...insensitive } } } },
    select: { id: true },
    take: MAX_OWNER_CLIENTS,
  });

  return clients.map((c) => c.id);
}

/**
 * Admin → Tokens: every application's tokens, newest first, by client id, owner, prefix/last 4 and
 * state, a page at a time with the count of all that match.
 */
export async function searchTokens({
  actor,
  now = Date.now(),
  ...query
}: TokenSearchQuery & { actor: Actor; now?: number }): Promise<TokenSearchPage> {
  assertCan(actor, "tokens.oversee");
  const f = tokenSearchQuerySchema.parse(withoutEmpty(query));
  const hint = f.q ? parseTokenHint(f.q) : {};
  const owned = f.owner ? await clientsOfOwners(f.owner) : null;
  const where: Prisma.TokenWhereInput = {
    AND: [
      NOT_CANARY, // the gateway canary's tokens are no one's (README, "Canary")
      f.clientId ? { clientId: f.clientId } : {},
      owned ? { clientId: { in: owned } } : {},
      hint.prefix ? { prefix: hint.prefix } : {},
      hint.last ? { last4: { endsWith: hint.last } } : {},
      stateWhere(f.state, new Date(now)),
    ],
  };
  const [rows, total] = await Promise.all([
    db.token.findMany({
      where: { AND: [where, afterCursor("createdAt", "desc", decodeCursor(f.cursor))] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: f.limit + 1,
      select: {
        id: true,
        prefix: true,
        last4: true,
        type: true,
        clientId: true,
        createdAt: true,
        expiresAt: true,
        revokedAt: true,
        revokedBy: true,
        revokedReason: true,
      },
    }),
    db.token.count({ where }),
  ]);
  const page = rows.slice(0, f.limit);
  const clients = await db.client.findMany({
    where: { id: { in: [...new Set(page.map((t) => t.clientId))] } },
    select: { id: true, app: { select: { id: true, name: true, owner: { select: { email: true } } } } },
  });
  const appOf = new Map(clients.map((c) => [c.id, c.app]));
  const last = page.at(-1);

  return {
    tokens: page.map((t) => {
      const app = appOf.get(t.clientId);

      return {
        id: t.id,
        prefix: t.prefix,
        last4: t.last4,
        type: t.type as "access_token" | "refresh_token",
        status: t.revokedAt ? "revoked" : t.expiresAt.getTime() <= now ? "expired" : "active",
        createdAt: t.createdAt.toISOString(),
        expiresAt: t.expiresAt.toISOString(),
        revokedBy: t.revokedBy,
        revokedReason: t.revokedReason,
        clientId: t.clientId,
        appId: app?.id ?? null,
        appName: app?.name ?? null,
        ownerEmail: app?.owner.email ?? null,
      };
    }),
    total,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
