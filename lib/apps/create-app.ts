import { recordAuditEvent } from "@/lib/audit/record-event";
import { createClient } from "@/lib/clients/create-client";
import { db } from "@/lib/db/client";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import { createAppSchema, type Actor, type CreateAppInput, type CreatedApp } from "./schemas";

type CreateAppOptions = CreateAppInput & { actor: Actor; ip?: string | null };

/** Registers an application for the actor with its OAuth client. The client secret is returned here only. */
export async function createApp({ actor, ip, ...input }: CreateAppOptions): Promise<CreatedApp> {
  const { name, description, redirectUris } = createAppSchema.parse(input);

  return db.$transaction(async (tx) => {
    const { id: appId } = await tx.app.create({
      data: { ownerId: actor.id, name, description, redirectUris: JSON.stringify(redirectUris) },
      select: { id: true },
    });
    const { clientId, clientSecret } = await createClient({ appId, tx });
    const audit = { appId, actorId: actor.id, actor: actor.email, ip };
    await recordAuditEvent({ ...audit, action: "app.created", detail: { name } }, tx);
    await recordAuditEvent({ ...audit, action: "secret.generated", detail: { clientId, last4: clientSecret.slice(-4) } }, tx);
    const app = await tx.app.findUniqueOrThrow({ where: { id: appId }, select: APP_SUMMARY_SELECT });

    return { app: toAppSummary(app), clientId, clientSecret };
  });
}
