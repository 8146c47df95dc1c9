import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { QueuedNotices } from "@/lib/data/store";
import { releaseHeldSql, retryWindowMs } from "@/lib/data/store/outbox-sql";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { outboxStatement } from "@/lib/engine/notices/outbox-statement";
import { assertRevokeTarget } from "./assert-revoke-target";
import { GATEWAY_PUBLIC_SELECT, toGatewaySummary } from "./gateway-summary";
import { getGatewayOrThrow } from "./get-gateway-or-throw";
import { updateGatewaySchema, type GatewaySummary, type UpdateGatewayInput } from "./schemas.shared";

// The audit row shows "before → after": the old value of every field this change names.
type Before = { name: string; environment: string; revokeUrl: string; canaryUrl: string | null; disabledAt: Date | null };
const beforeOf = (g: Before, changed: object) =>
  Object.fromEntries(
    Object.keys(changed)
      .filter((k) => (changed as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, k === "enabled" ? g.disabledAt === null : g[k as "name" | "environment" | "revokeUrl" | "canaryUrl"]]),
  );

type UpdateGatewayOptions = UpdateGatewayInput & { gatewayId: string; actor: Actor };
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const RELEASE_HELD = outboxStatement(({ clock }) => releaseHeldSql(clock));

/** The held deliveries of a gateway being enabled, due now with a fresh retry window; their sequences, in order. */
async function releaseHeld(tx: Tx, gatewayId: string): Promise<number[]> {
  const rows = await tx.$queryRawUnsafe<{ event_sequence: number | bigint }[]>(RELEASE_HELD, retryWindowMs(), gatewayId);

  return rows.map((r) => Number(r.event_sequence)).sort((a, b) => a - b);
}

/**
 * Renames, re-points (to a URL createGateway would take) or enables/disables a gateway. A disabled gateway is sent nothing, and its
 * client can no longer introspect: a gateway that stops hearing of revocations must fail closed.
 * Its notices are held meanwhile (README, "Held, not dropped"): enabling it releases them, and the
 * door sends the returned notices in sequence order (sendInOrder).
 */
export async function updateGateway({
  gatewayId,
  actor,
  ...input
}: UpdateGatewayOptions): Promise<{ gateway: GatewaySummary; notices: QueuedNotices }> {
  assertCan(actor, "gateways.manage");
  const { enabled, ...fields } = updateGatewaySchema.parse(input);
  const current = await getGatewayOrThrow(gatewayId);
  if (fields.revokeUrl !== undefined && fields.revokeUrl !== current.revokeUrl) await assertRevokeTarget(fields.revokeUrl);
  if (
    fields.name &&
    fields.name !== current.name &&
    (await db.gateway.findUnique({ where: { name: fields.name }, select: { id: true } }))
  ) {
    throw new AppError("conflict", "A gateway with this name exists.", { name: ["A gateway with this name exists."] });
  }
  const disabledAt = enabled === undefined ? undefined : enabled ? null : (current.disabledAt ?? new Date());
  // Enabled again: its state starts afresh (README, "Gateway states"), from now, not from heartbeats before it was disabled.
  const enabling = disabledAt === null && current.disabledAt !== null;
  const fresh = enabling ? { enabledAt: new Date(), heartbeatUnansweredSince: null, heartbeatError: null } : {};

  return db.$transaction(async (tx) => {
    const gateway = await tx.gateway.update({
      where: { id: gatewayId },
      data: { ...fields, disabledAt, ...fresh },
      select: GATEWAY_PUBLIC_SELECT,
    });
    if (disabledAt !== undefined) await tx.client.update({ where: { id: gateway.clientId }, data: { disabledAt } });
    const released = enabling ? await releaseHeld(tx, gatewayId) : [];
    await recordAuditEvent(
      {
        appId: null,
        actor,
        action: "gateway.updated",
        detail: { gatewayId, ...fields, enabled, before: beforeOf(current, { ...fields, enabled }) },
      },
      tx,
    );

    return { gateway: toGatewaySummary(gateway), notices: { sequences: released, revoked: [], gatewayId } };
  });
}
