import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { TIER_SELECT } from "./api-summary";
import { createTierSchema, type CreateTierInput, type TierSummary } from "./schemas.shared";

/** A rate-limit plan, offered afterwards by any API that names it. */
export async function createTier({ actor, ...input }: CreateTierInput & { actor: Actor }): Promise<TierSummary> {
  assertCan(actor, "apis.manage");
  const tier = createTierSchema.parse(input);
  if (await db.tier.findUnique({ where: { name: tier.name }, select: { id: true } }))
    throw new AppError("conflict", "A tier with this name exists.", { name: ["A tier with this name exists."] });

  return db.$transaction(async (tx) => {
    const created = await tx.tier.create({ data: tier, select: TIER_SELECT });
    await recordAuditEvent({ appId: null, actor, action: "tier.created", detail: { tierId: created.id, ...tier } }, tx);

    return created;
  });
}

/** Every tier, slowest first: what an admin may offer on an API (a subscriber sees an API's own tiers with it). */
export async function listTiers({ actor }: { actor: Actor }): Promise<TierSummary[]> {
  assertCan(actor, "apis.manage");

  return db.tier.findMany({ select: TIER_SELECT, orderBy: { requestsPerMinute: "asc" } });
}
