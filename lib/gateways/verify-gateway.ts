import type { CanaryOutcome, CanaryRunSummary, CanaryTrigger } from "@/lib/base/canary.shared";
import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { store, type QueuedNotices } from "@/lib/data/store";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { buildTokens } from "@/lib/engine/tokens/build-token";
import { callCanaryUrl, isAdmitted, isRefused, type CanaryCall } from "./call-canary-url";
import { ensureCanaryClient } from "./canary-client";
import { toCanaryRunSummary } from "./canary-run-summary";
import { revokeCanaryToken } from "./revoke-canary-token";

export const CANARY_TOKEN_TTL_SECONDS = 60; // outlives any run; expires soon after, whatever happens
const POLL_MS = 50;

/** PORTCULLIS_CANARY_TIMEOUT_MS: how long a run waits for the gateway to refuse the revoked token (default 10 s). */
export const canaryTimeoutMs = () => Number(process.env.PORTCULLIS_CANARY_TIMEOUT_MS ?? 10_000);

type VerifyGatewayOptions = {
  gatewayId: string;
  actor: Actor;
  /** The door's flush of the revocation's notices (its first attempts); the run polls meanwhile. */
  flush: (notices: QueuedNotices) => Promise<unknown>;
  timeoutMs?: number;
};

type Run = {
  outcome: CanaryOutcome;
  admitted: CanaryCall;
  refused?: CanaryCall;
  refusalMs?: number;
  acknowledged: boolean;
  detail: string | null;
};

const triggerOf = (actor: Actor): CanaryTrigger => (actor.kind === "system" ? "schedule" : actor.kind === "operator" ? "cli" : "admin");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether the gateway acknowledged the notice of this event (its delivery row says delivered). */
async function acknowledged(gatewayId: string, sequence: number | undefined): Promise<boolean> {
  if (sequence === undefined) return false;
  const delivery = await db.delivery.findUnique({
    where: { eventSequence_gatewayId: { eventSequence: sequence, gatewayId } },
    select: { status: true },
  });

  return delivery?.status === "delivered";
}

/**
 * The canary (README, "Canary"): issues a short-lived token of the built-in canary client, calls the
 * gateway's canary URL with it (expects 2xx), revokes it through the change pipeline, and polls the URL
 * until the gateway refuses it (401/403) — passed, with the time from the revocation's commit — or the
 * timeout: still admitting after the gateway acknowledged the notice (an alert in the audit trail), or
 * unacknowledged. Every run is stored (canary_runs) and shows on the gateway's card.
 */
export async function verifyGateway({
  gatewayId,
  actor,
  flush,
  timeoutMs = canaryTimeoutMs(),
}: VerifyGatewayOptions): Promise<CanaryRunSummary> {
  assertCan(actor, "gateways.verify");
  const gateway = await db.gateway.findUnique({
    where: { id: gatewayId },
    select: { id: true, name: true, canaryUrl: true, disabledAt: true },
  });
  if (!gateway) throw new AppError("not_found", "Gateway not found.");
  if (!gateway.canaryUrl)
    throw new AppError("bad_request", "Give the gateway a canary URL first: a route through it that needs a valid token.");
  if (gateway.disabledAt) throw new AppError("bad_request", "The gateway is disabled: it is sent no notices until it is enabled.");
  const clientId = await ensureCanaryClient();
  const { access } = await buildTokens({ client: { id: clientId, ownerId: null }, ttlSeconds: CANARY_TOKEN_TTL_SECONDS, source: "canary" });
  await store().insertToken(access.row);
  const startedAt = Date.now();

  const run = await runCanary({ gatewayId, url: gateway.canaryUrl, token: access.value, tokenId: access.row.id, flush, timeoutMs });
  const saved = await db.canaryRun.create({
    data: {
      gatewayId,
      startedAt: new Date(startedAt),
      outcome: run.outcome,
      admittedStatus: run.admitted.status,
      refusedStatus: run.refused?.status ?? null,
      refusalMs: run.refusalMs ?? null,
      acknowledged: run.acknowledged,
      detail: run.detail,
      trigger: triggerOf(actor),
    },
  });
  // The alert: a gateway that says it heard of the revocation and admits the token all the same.
  if (run.outcome === "still_admitting" || actor.kind !== "system") {
    await recordAuditEvent({
      appId: null,
      actor,
      action: run.outcome === "still_admitting" ? "gateway.canary_alert" : "gateway.verified",
      detail: { gatewayId, gatewayName: gateway.name, outcome: run.outcome, refusalMs: run.refusalMs ?? null, runId: saved.id },
    });
  }

  return toCanaryRunSummary(saved);
}

type RunCanaryOptions = Omit<VerifyGatewayOptions, "actor" | "gatewayId" | "timeoutMs"> & {
  gatewayId: string;
  url: string;
  token: string;
  tokenId: string;
  timeoutMs: number;
};

async function runCanary({ gatewayId, url, token, tokenId, flush, timeoutMs }: RunCanaryOptions): Promise<Run> {
  const admitted = await callCanaryUrl(url, token);
  const revokedAt = Date.now();
  const { notices } = await revokeCanaryToken({ tokenId, now: revokedAt }); // revoked whatever the answer: no canary token outlives its run
  const flushing = flush(notices);
  if (!isAdmitted(admitted)) {
    await flushing;

    return { outcome: "not_admitting", admitted, acknowledged: false, detail: admitted.error ?? `HTTP ${admitted.status}` };
  }
  let last: CanaryCall = admitted;
  for (const deadline = revokedAt + timeoutMs; Date.now() < deadline; await sleep(POLL_MS)) {
    last = await callCanaryUrl(url, token);
    if (isRefused(last)) {
      const refusalMs = Date.now() - revokedAt;
      await flushing;

      return {
        outcome: "passed",
        admitted,
        refused: last,
        refusalMs,
        acknowledged: await acknowledged(gatewayId, notices.sequences[0]),
        detail: null,
      };
    }
  }
  await flushing;
  const heard = await acknowledged(gatewayId, notices.sequences[0]);
  const lastAnswer = last.error ?? `HTTP ${last.status}`;

  return {
    outcome: heard ? "still_admitting" : "unacknowledged",
    admitted,
    acknowledged: heard,
    detail: `${heard ? "acknowledged the notice; " : "did not acknowledge the notice; "}still ${lastAnswer} after ${timeoutMs} ms`,
  };
}
