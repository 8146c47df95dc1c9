import { assertGrantTypesFit } from "@/lib/apps/assert-grant-types";
import { DEFAULT_GRANT_TYPES, PUBLIC_GRANT_TYPES, type GrantType } from "@/lib/base/grant-types.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { createClient, createPublicClient } from "@/lib/engine/credentials/create-client";
import { actorUserId, type Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import { assertNameFree } from "./assert-name-free";
import { createAppSchema, type CreateAppInput, type CreatedApp, type CreatedPublicApp } from "./schemas.shared";

// ownerId and grantTypes: an operator's choice (the CLI); a person registers for themselves, with the defaults.
type CreateAppOptions = CreateAppInput & { actor: Actor; ownerId?: string; grantTypes?: GrantType[] };

/**
 * Registers an application with its OAuth client, for the actor or (an operator) for `ownerId`: the
 * owner is who holds it, the audit trail names who acted. The client secret is returned here only.
 */
export async function createApp(options: CreateAppOptions & { publicClient: true }): Promise<CreatedPublicApp>;
export async function createApp(options: CreateAppOptions & { publicClient?: false }): Promise<CreatedApp>;
export async function createApp(options: CreateAppOptions): Promise<CreatedApp | CreatedPublicApp>;
export async function createApp({
  actor,
  ownerId: forOwner,
  grantTypes,
  ...input
}: CreateAppOptions): Promise<CreatedApp | CreatedPublicApp> {
  const { name, description, redirectUris, publicClient } = createAppSchema.parse(input);
  const types = grantTypes ?? (publicClient ? PUBLIC_GRANT_TYPES : DEFAULT_GRANT_TYPES);
  assertGrantTypesFit(types, publicClient);
  const self = actorUserId(actor);
  assertCan(actor, forOwner === undefined || forOwner === self ? "apps.create" : "apps.create_for_owner");
  const ownerId = forOwner ?? self!; // only a person passes apps.create
  await assertNameFree({ ownerId, name });

  return db.$transaction(async (tx) => {
    const { id: appId } = await tx.app.create({
      data: { ownerId, name, description, redirectUris: JSON.stringify(redirectUris), publicClient, grantTypes: types.join(" ") },
      select: { id: true },
    });
    const { clientId, clientSecret } = publicClient ? await createPublicClient({ appId, tx }) : await createClient({ appId, tx });
    const audit = { appId, actor };
    await recordAuditEvent({ ...audit, action: "app.created", detail: { name, publicClient, grantTypes: types } }, tx);
    if (clientSecret)
      await recordAuditEvent({ ...audit, action: "secret.generated", detail: { clientId, last4: clientSecret.slice(-4) } }, tx);
    const app = await tx.app.findUniqueOrThrow({ where: { id: appId }, select: APP_SUMMARY_SELECT });

    return { app: toAppSummary(app), clientId, clientSecret };
  });
}
