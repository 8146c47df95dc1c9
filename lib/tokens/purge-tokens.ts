import { db } from "@/lib/data/db/client";
import { at, coldExecute, coldQuery } from "@/lib/data/db/cold-sql";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { takeSettingsLease } from "@/lib/engine/leases/settings-lease";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";

export const PURGE_BATCH = 5_000;

/** Expired tokens, revoked tokens that have expired too (the feed owes nothing for them), and events nobody is owed. */
const PURGEABLE = {
  expired_tokens: { table: "tokens", key: "id", where: "expires_at < :ts", params: (cutoff: number) => [at(cutoff)] },
  revoked_tokens: {
    table: "tokens",
    key: "id",
    where: "revoked_at < :ts AND expires_at <= :ts",
    params: (cutoff: number, now: number) => [at(cutoff), at(now)],
  },
  events: { table: "revocation_events", key: "sequence", where: "expires_at < :ts", params: (cutoff: number) => [at(cutoff)] },
};
type PurgeKind = keyof typeof PURGEABLE;

async function countPurgeable(kind: PurgeKind, cutoff: number, now: number): Promise<number> {
  const { table, where, params } = PURGEABLE[kind];
  const [row] = await coldQuery<{ n: bigint | number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, ...params(cutoff, now));

  return Number(row.n);
}

function purgeBatch(kind: PurgeKind, cutoff: number, now: number, limit: number): Promise<number> {
  const { table, key, where, params } = PURGEABLE[kind];

  return coldExecute(
    `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${where} LIMIT ?)`,
    ...params(cutoff, now),
    limit,
  );
}

type PurgeOptions = { dryRun?: boolean; actor: Actor; batchSize?: number; now?: number }; // the schedule (system) or the CLI
export type PurgeResult = { deletedTokens: number; deletedEvents: number; durationMs: number; dryRun: boolean; ranElsewhere: boolean };

/**
 * Deletes tokens that expired, or were revoked and have expired, more than the grace period ago,
 * and revocation events whose tokens have all expired (the catch-up feed owes them to nobody).
 * A revoked token that has not expired stays: the feed still owes it to gateways. Works in batches
 * of 5,000 rows per statement, yielding between them, so validation and issuance keep running,
 * until a batch deletes nothing. One purge runs at a time across instances (a lease, lib/engine/leases/settings-lease.ts):
 * while another holds the lease, this one returns at once with `ranElsewhere`.
 */
export async function purgeTokens({
  dryRun = false,
  actor,
  batchSize = PURGE_BATCH,
  now = Date.now(),
}: PurgeOptions): Promise<PurgeResult> {
  assertCan(actor, "tokens.purge");
  const trigger = actor.kind === "system" ? "schedule" : "cli";
  const started = Date.now();
  const cutoff = now - (await readTokenPolicy()).purgeGracePeriod * 1000;
  // Renewed after every batch: a purge that died frees it within a minute.
  const lease = dryRun ? null : await takeSettingsLease({ key: "internal.purge_lease", leaseMs: 60_000 });
  if (!dryRun && !lease) return { deletedTokens: 0, deletedEvents: 0, durationMs: Date.now() - started, dryRun, ranElsewhere: true };
  const purge = async (kind: PurgeKind) => {
    if (dryRun) return countPurgeable(kind, cutoff, now);
    let total = 0;
    for (;;) {
      const deleted = await purgeBatch(kind, cutoff, now, batchSize);
      total += deleted;
      if (deleted === 0 || !(await lease!.renew())) return total;
      await yieldToEventLoop();
    }
  };
  let deletedTokens: number, deletedEvents: number;
  try {
    deletedTokens = (await purge("expired_tokens")) + (await purge("revoked_tokens"));
    deletedEvents = await purge("events");
  } finally {
    await lease?.release();
  }
  const result = { deletedTokens, deletedEvents, durationMs: Date.now() - started, dryRun, ranElsewhere: false };
  await db.purgeRun.create({
    data: { startedAt: new Date(started), durationMs: result.durationMs, deletedTokens, deletedEvents, dryRun, trigger },
  });

  return result;
}
