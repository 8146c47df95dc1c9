import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { API_SUMMARY_SELECT, toApiSummary } from "./api-summary";
import { resolveTiers } from "./resolve-tiers";
import { createApiSchema, type ApiSummary, type CreateApiInput } from "./schemas.shared";

const DUPLICATE = "This context and version exist already.";

/** Registers an API version as a draft: nothing can subscribe until an admin publishes it. */
export async function createApi({ actor, ...input }: CreateApiInput & { actor: Actor }): Promise<ApiSummary> {
  assertCan(actor, "apis.manage");
  const api = createApiSchema.parse(input);
  if (api.openapi !== undefined) {
    // Loaded on use: the validator is large, and every CLI start would pay for it.
    const { openapiProblems } = await import("./validate-openapi");
    const problems = await openapiProblems(api.openapi);
    if (problems.length) throw new AppError("bad_request", problems[0], { openapi: problems });
  }
  const tierIds = await resolveTiers(api.tiers);
  if (await db.api.findUnique({ where: { context_version: { context: api.context, version: api.version } }, select: { id: true } }))
    throw new AppError("conflict", DUPLICATE, { version: [DUPLICATE] });

  return db.$transaction(async (tx) => {
    const created = await tx.api.create({
      data: {
        name: api.name,
        context: api.context,
        version: api.version,
        description: api.description,
        openapi: api.openapi ?? null,
        gatewayUrl: api.gatewayUrl ?? null,
        approvalRequired: api.approvalRequired,
        tiers: { create: tierIds.map((tierId) => ({ tierId })) },
      },
      select: API_SUMMARY_SELECT,
    });
    await recordAuditEvent(
      {
        appId: null,
        actor,
        action: "api.created",
        detail: { apiId: created.id, context: api.context, version: api.version },
      },
      tx,
    );

    return toApiSummary(created);
  });
}
