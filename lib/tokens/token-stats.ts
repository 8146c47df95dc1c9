import { NOT_CANARY } from "@/lib/base/canary.shared";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";

export type TokenStats = {
  active: number;
  expired: number;
  revoked: number;
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
export async function tokenStats({ actor, now = Date.now() }: { actor: Actor; now?: number }): Promise<TokenStats> {
  assertCan(actor, "stats.read_all");
  const at = new Date(now);
  const [active, expired, revoked, lastPurge] = await Promise.all([
    db.token.count({ where: { revokedAt: null, expiresAt: { gt: at }, ...NOT_CANARY } }),
    db.token.count({ where: { revokedAt: null, expiresAt: { lte: at }, ...NOT_CANARY } }),
    db.token.count({ where: { revokedAt: { not: null }, ...NOT_CANARY } }),
    db.purgeRun.findFirst({ where: { dryRun: false }, orderBy: { startedAt: "desc" } }),
  ]);

  return {
    active,
    expired,
    revoked,
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
