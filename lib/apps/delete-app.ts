import { recordAuditEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { revokeTokens } from "@/lib/tokens/revoke-tokens";
import { getAppOrThrow } from "./get-app-or-throw";
import { deleteAppSchema, type Actor, type DeleteAppInput } from "./schemas";

type DeleteAppOptions = DeleteAppInput & { appId: string; actor: Actor; ip?: string | null; now?: number };

/**
 * Soft-deletes an application once its exact name is typed back. The client is disabled and its
 * secrets revoked first, so no token can be issued between that and revoking every token it holds.
 */
export async function deleteApp({ appId, actor, ip, now = Date.now(), ...input }: DeleteAppOptions): Promise<{ revokedTokens: number }> {
  const { confirmName } = deleteAppSchema.parse(input);
  const app = await getAppOrThrow({ appId, userId: actor.id });
  if (confirmName !== app.name) {
    const message = `Type the application's name, ${app.name}, to delete it.`;
    throw new AppError("bad_request", message, { confirmName: [message] });
  }
  const at = new Date(now);
  await db.$transaction([
    db.app.update({ where: { id: appId }, data: { deletedAt: at } }),
    db.client.update({ where: { id: app.clientId }, data: { disabledAt: at } }),
    db.clientSecret.updateMany({ where: { clientId: app.clientId, revokedAt: null }, data: { revokedAt: at } }),
  ]);
  const audit = { appId, actorId: actor.id, ip };
  const revoked = await revokeTokens({
    selector: { clientId: app.clientId, activeAt: now },
    reason: "app_deleted",
    by: actor.email,
    audit,
    now,
  });
  await recordAuditEvent({
    ...audit,
    actor: actor.email,
    action: "app.deleted",
    detail: { name: app.name, revokedTokens: revoked.length },
  });

  return { revokedTokens: revoked.length };
}
