import { db } from "@/lib/db/client";
import { coldQuery, at as param, utcDay } from "@/lib/db/cold-sql";

const DAYS = 30;
const DAY_MS = 86_400_000;

export type TokenStats = {
  active: number;
  expired: number;
  revoked: number;
  issuedPerDay: { day: string; count: number }[]; // the last 30 days (UTC), oldest first, zeros included
  lastPurge: {
    startedAt: string;
    durationMs: number;
    deletedTokens: number;
    deletedEvents: number;
    dryRun: boolean;
    trigger: string;
  } | null;
};

/** What the admin dashboard shows about the token store. */
export async function tokenStats(now = Date.now()): Promise<TokenStats> {
  const at = new Date(now);
  const firstDay = Math.floor(now / DAY_MS) * DAY_MS - (DAYS - 1) * DAY_MS;
  const [active, expired, revoked, perDay, lastPurge] = await Promise.all([
    db.token.count({ where: { revokedAt: null, expiresAt: { gt: at } } }),
    db.token.count({ where: { revokedAt: null, expiresAt: { lte: at } } }),
    db.token.count({ where: { revokedAt: { not: null } } }),
    coldQuery<{ day: string; count: bigint | number }>(
      `SELECT ${utcDay("created_at")} AS day, COUNT(*) AS count FROM tokens WHERE created_at >= :ts GROUP BY day ORDER BY day`,
      param(firstDay),
    ),
    db.purgeRun.findFirst({ where: { dryRun: false }, orderBy: { startedAt: "desc" } }),
  ]);
  const counts = new Map(perDay.map((d) => [d.day, Number(d.count)]));
  const issuedPerDay = Array.from({ length: DAYS }, (_, i) => {
    const day = new Date(firstDay + i * DAY_MS).toISOString().slice(0, 10);
    return { day, count: counts.get(day) ?? 0 };
  });

  return {
    active,
    expired,
    revoked,
    issuedPerDay,
    lastPurge: lastPurge && {
      startedAt: lastPurge.startedAt.toISOString(),
      durationMs: lastPurge.durationMs,
      deletedTokens: lastPurge.deletedTokens,
      deletedEvents: lastPurge.deletedEvents,
      dryRun: lastPurge.dryRun,
      trigger: lastPurge.trigger,
    },
  };
}
