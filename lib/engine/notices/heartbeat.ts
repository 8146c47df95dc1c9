import { heartbeatBody } from "@/lib/base/contract.shared";
import { decryptSecret } from "@/lib/base/secret-box";
import { db } from "@/lib/data/db/client";
import { at, coldExecute } from "@/lib/data/db/cold-sql";
import { pullForwardSql } from "@/lib/data/store/outbox-sql";
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import { deliverNotice, type NoticeResult } from "./deliver-notice";
import { outboxStatement } from "./outbox-statement";

// README, "Heartbeat and lease". Every interval each enabled gateway is told the latest event sequence
// and the lease: a gateway that hears nothing valid for the lease stops trusting its cache, so no
// gateway serves a revoked token much past the lease, even when every delivery to it fails.

/** PORTCULLIS_HEARTBEAT_MS: how often (default 5 s). */
export const heartbeatEveryMs = () => Number(process.env.PORTCULLIS_HEARTBEAT_MS ?? 5_000);
/** PORTCULLIS_GATEWAY_LEASE_SECONDS: how long a gateway may trust its cache after a heartbeat (default 30 s: six beats). */
export const leaseSeconds = () => Number(process.env.PORTCULLIS_GATEWAY_LEASE_SECONDS ?? 30);

const MAX_CONCURRENT = 64;

export type HeartbeatResult = NoticeResult & { gatewayId: string };

const PULL_FORWARD = outboxStatement(pullForwardSql);
// Gateways whose last heartbeat from this process was acknowledged. Process-wide, like the delivery worker.
const reachable = ((globalThis as unknown as { portcullisReachable?: Set<string> }).portcullisReachable ??= new Set());

/**
 * A gateway that acknowledges a heartbeat again is back: its notices, backed off during the outage
 * (minutes apart after a long one), are due now, as when it acknowledges a notice. One statement per
 * gateway that came back (and once per gateway when this process starts), not per heartbeat.
 */
async function pullForwardReturned(results: HeartbeatResult[]) {
  for (const r of results) {
    if (!r.ok) reachable.delete(r.gatewayId);
    else if (!reachable.has(r.gatewayId)) {
      reachable.add(r.gatewayId);
      await db.$executeRawUnsafe(PULL_FORWARD, r.gatewayId);
    }
  }
}

const inList = (ids: string[]) => `IN (${ids.map(() => "?").join(", ")})`;

/**
 * Writes each gateway's outcome where every instance and the admin page read it (README, "Gateway states").
 * The time is the heartbeat's signed timestamp, from which a gateway counts its lease. A round that ends
 * late (a gateway that hung until the timeout) never overwrites what a newer acknowledgement recorded.
 */
async function recordOutcomes(results: HeartbeatResult[], sentAt: number) {
  const newer = "(heartbeat_acked_at IS NULL OR heartbeat_acked_at < :ts)";
  const acked = results.filter((r) => r.ok).map((r) => r.gatewayId);
  if (acked.length > 0) {
    await coldExecute(
      `UPDATE gateways SET heartbeat_acked_at = :ts, heartbeat_unanswered_since = NULL, heartbeat_error = NULL
        WHERE id ${inList(acked)} AND ${newer}`,
      at(sentAt),
      ...acked,
      at(sentAt),
    );
  }
  const byError = new Map<string, string[]>(); // one statement per reason: a partition fails many alike
  for (const r of results.filter((r) => !r.ok)) {
    const error = r.error ?? `HTTP ${r.status}`;
    byError.set(error, [...(byError.get(error) ?? []), r.gatewayId]);
  }
  for (const [error, ids] of byError) {
    await coldExecute(
      `UPDATE gateways SET heartbeat_unanswered_since = COALESCE(heartbeat_unanswered_since, :ts), heartbeat_error = ?
        WHERE id ${inList(ids)} AND ${newer}`,
      at(sentAt),
      error,
      ...ids,
      at(sentAt),
    );
  }
}

/**
 * One heartbeat to every enabled gateway (or to these: a test's own, on the suite's shared database),
 * each signed afresh under a new webhook-id: nothing is stored, and a lost one is not retried (the next
 * is a few seconds away). Its sequence is read from the database, so a key manager that cannot read it
 * sends none, and the gateways' leases run out.
 */
export async function sendHeartbeats({ gatewayIds, now = Date.now() }: { gatewayIds?: string[]; now?: number } = {}): Promise<
  HeartbeatResult[]
> {
  const [gateways, latest] = await Promise.all([
    db.gateway.findMany({
      where: { disabledAt: null, ...(gatewayIds ? { id: { in: gatewayIds } } : {}) },
      select: { id: true, revokeUrl: true, signingSecret: true, previousSigningSecret: true, previousSecretExpiresAt: true },
    }),
    db.revocationEvent.aggregate({ _max: { sequence: true } }),
  ]);
  const body = heartbeatBody({ at: now, sequence: latest._max.sequence ?? 0, leaseSeconds: leaseSeconds() });
  const limit = pLimit(MAX_CONCURRENT);

  const results = await Promise.all(
    gateways.map((g) =>
      limit(async () => {
        const secrets = [decryptSecret(g.signingSecret)];
        if (g.previousSigningSecret && (g.previousSecretExpiresAt?.getTime() ?? 0) > now)
          secrets.push(decryptSecret(g.previousSigningSecret));
        const id = `hb_${randomUUID().replace(/-/g, "")}`;

        return { gatewayId: g.id, ...(await deliverNotice({ url: g.revokeUrl, id, secrets, body, now })) };
      }),
    ),
  );
  await recordOutcomes(results, now);
  await pullForwardReturned(results);

  return results;
}

/**
 * Beats until stopped. Every instance that runs the jobs beats (one worker per instance): the
 * heartbeat only says "the key manager can reach you, and this is the latest sequence", so
 * duplicates cost a request each and need no election, and a gateway keeps its lease while any
 * instance can reach it. A round still running (a gateway that hangs until the delivery timeout)
 * does not hold back the next one.
 */
export function startHeartbeat(): () => void {
  const beat = () => void sendHeartbeats().catch((err) => console.error("heartbeat round failed; the gateways' leases keep running", err));
  const timer = setInterval(beat, heartbeatEveryMs());
  timer.unref();
  beat();

  return () => clearInterval(timer);
}
