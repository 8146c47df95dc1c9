import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { GATEWAY_PUBLIC_SELECT, toGatewaySummary } from "./gateway-summary";
import { getGatewayOrThrow } from "./get-gateway-or-throw";
import { updateGatewaySchema, type GatewaySummary, type UpdateGatewayInput } from "./schemas.shared";

// The audit row shows "before → after": the old value of every field this change names.
const beforeOf = (g: { name: string; environment: string; revokeUrl: string; disabledAt: Date | null }, changed: object) =>
  Object.fromEntries(
    Object.keys(changed)
      .filter((k) => (changed as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, k === "enabled" ? g.disabledAt === null : g[k as "name" | "environment" | "revokeUrl"]]),
  );

type UpdateGatewayOptions = UpdateGatewayInput & { gatewayId: string; actor: Actor };

/**
 * Renames, re-points or enables/disables a gateway. A disabled gateway gets no notices, and its
 * client can no longer introspect: a gateway that stops hearing of revocations must fail closed.
 */
export async function updateGateway({ gatewayId, actor, ...input }: UpdateGatewayOptions): Promise<GatewaySummary> {
  assertCan(actor, "gateways.manage");
  const { enabled, ...fields } = updateGatewaySchema.parse(input);
  const current = await getGatewayOrThrow(gatewayId);
  if (
    fields.name &&
    fields.name !== current.name &&
    (await db.gateway.findUnique({ where: { name: fields.name }, select: { id: true } }))
  ) {
    throw new AppError("conflict", "A gateway with this name exists.", { name: ["A gateway with this name exists."] });
  }
  const disabledAt = enabled === undefined ? undefined : enabled ? null : (current.disabledAt ?? new Date());

  return db.$transaction(async (tx) => {
    const gateway = await tx.gateway.update({ where: { id: gatewayId }, data: { ...fields, disabledAt }, select: GATEWAY_PUBLIC_SELECT });
    if (disabledAt !== undefined) await tx.client.update({ where: { id: gateway.clientId }, data: { disabledAt } });
    await recordAuditEvent(
      {
        appId: null,
        actor,
        action: "gateway.updated",
        detail: { gatewayId, ...fields, enabled, before: beforeOf(current, { ...fields, enabled }) },
      },
      tx,
    );

    return toGatewaySummary(gateway);
  });
}
