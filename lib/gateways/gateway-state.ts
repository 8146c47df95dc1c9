import { db } from "@/lib/data/db/client";
import { heartbeatEveryMs, leaseSeconds } from "@/lib/engine/notices/heartbeat";
import type { GatewayState } from "./schemas.shared";

/** What a gateway's state is decided from: its row, its newest outcomes and its backlog (epoch ms). */
export type StateFacts = {
  enabled: boolean;
  enabledSince: number; // answers count from here: the last enabling, or the creation
  heartbeatAckedAt: number | null;
  heartbeatUnansweredSince: number | null;
  heartbeatError: string | null;
  lastDeliveredAt: number | null;
  lastFailureAt: number | null; // the newest failed attempt of a notice still pending or failed
  lastError: string | null;
  pending: number; // held, while it is disabled
  late: number; // pending longer than one heartbeat interval since it was due
  lateSince: number | null;
};

type Timing = { heartbeatMs: number; leaseMs: number };

const iso = (ms: number) => new Date(ms).toISOString();
const newest = (...times: (number | null)[]) => times.reduce<number | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);

/**
 * The rules of README's "Gateway states", on the facts alone. Unreachable: nothing acknowledged for two
 * heartbeat intervals while its heartbeats or notices fail, or for the whole lease whatever the reason (the
 * gateway itself then stops trusting its cache). Lagging: it answers, but a notice has waited longer than a
 * heartbeat interval (by when a heartbeat has told it the newest sequence).
 */
export function decideState(f: StateFacts, now: number, timing: Timing): GatewayState {
  if (!f.enabled) return { kind: "disabled", held: f.pending };
  const answeredAt = newest(f.heartbeatAckedAt, f.lastDeliveredAt);
  const answeredSinceEnabled = answeredAt !== null && answeredAt >= f.enabledSince ? answeredAt : null;
  const quietSince = answeredSinceEnabled ?? f.enabledSince;
  const quietMs = now - quietSince;
  const failing = f.heartbeatUnansweredSince !== null || (f.lastFailureAt !== null && f.lastFailureAt > quietSince);
  if ((failing && quietMs >= 2 * timing.heartbeatMs) || quietMs >= timing.leaseMs) {
    const unanswered = f.heartbeatUnansweredSince;

    return {
      kind: "unreachable",
      since: iso(unanswered !== null && unanswered > quietSince ? unanswered : quietSince),
      answeredAt: answeredAt === null ? null : iso(answeredAt),
      error: f.heartbeatError ?? f.lastError,
      pending: f.pending,
      leaseSeconds: timing.leaseMs / 1000,
    };
  }
  if (answeredSinceEnabled === null) return { kind: "awaiting", since: iso(f.enabledSince) };
  if (f.late > 0) {
    return {
      kind: "lagging",
      answeredAt: iso(answeredSinceEnabled),
      late: f.late,
      lateSince: iso(f.lateSince ?? now),
      afterMs: timing.heartbeatMs,
    };
  }

  return { kind: "healthy", answeredAt: iso(answeredSinceEnabled) };
}

/** Reads the facts of one gateway; null once it is deleted. */
export async function readStateFacts(gatewayId: string, now: number): Promise<StateFacts | null> {
  const lateBefore = new Date(now - heartbeatEveryMs());
  const [gateway, delivered, failure, pending, late] = await Promise.all([
    db.gateway.findUnique({
      where: { id: gatewayId },
      select: {
        createdAt: true,
        disabledAt: true,
        enabledAt: true,
        heartbeatAckedAt: true,
        heartbeatUnansweredSince: true,
        heartbeatError: true,
      },
    }),
    db.delivery.findFirst({ where: { gatewayId, status: "delivered" }, orderBy: { deliveredAt: "desc" }, select: { deliveredAt: true } }),
    db.delivery.findFirst({
      where: { gatewayId, status: { in: ["pending", "failed"] }, lastError: { not: null } }, // a later success clears lastError
      orderBy: { lastAttemptAt: "desc" },
      select: { lastAttemptAt: true, lastError: true },
    }),
    db.delivery.count({ where: { gatewayId, status: "pending" } }),
    // Late since it was due: a first attempt delayed on purpose (the race re-send) is not late until then.
    db.delivery.aggregate({
      where: {
        gatewayId,
        status: "pending",
        OR: [{ attempts: { gt: 0 }, createdAt: { lt: lateBefore } }, { nextAttemptAt: { lt: lateBefore } }],
      },
      _count: { _all: true },
      _min: { createdAt: true },
    }),
  ]);
  if (!gateway) return null;

  return {
    enabled: gateway.disabledAt === null,
    enabledSince: (gateway.enabledAt ?? gateway.createdAt).getTime(),
    heartbeatAckedAt: gateway.heartbeatAckedAt?.getTime() ?? null,
    heartbeatUnansweredSince: gateway.heartbeatUnansweredSince?.getTime() ?? null,
    heartbeatError: gateway.heartbeatError,
    lastDeliveredAt: delivered?.deliveredAt?.getTime() ?? null,
    lastFailureAt: failure?.lastAttemptAt?.getTime() ?? null,
    lastError: failure?.lastError ?? null,
    pending,
    late: late._count._all,
    lateSince: late._min.createdAt?.getTime() ?? null,
  };
}

/** The timing the rules use: this process's heartbeat interval and lease (PORTCULLIS_HEARTBEAT_MS, PORTCULLIS_GATEWAY_LEASE_SECONDS). */
export const currentTiming = (): Timing => ({ heartbeatMs: heartbeatEveryMs(), leaseMs: leaseSeconds() * 1000 });

/** One gateway's state now; null once it is deleted. */
export async function gatewayState(gatewayId: string, now = Date.now()): Promise<GatewayState | null> {
  const facts = await readStateFacts(gatewayId, now);

  return facts && decideState(facts, now, currentTiming());
}
