import { AppError } from "@/lib/base/errors.shared";
import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";
import { findAppToChangeOrThrow } from "./find-app-to-change";
import { deleteAppSchema, type DeleteAppInput } from "./schemas.shared";

type DeleteAppOptions = DeleteAppInput & { appId: string; actor: Actor; now?: number };

/**
 * Soft-deletes an application once its exact name is typed back. In one transaction: the
 * application is deleted, its client disabled, its secrets and every active token revoked, the
 * audit rows and the gateway notices written — so no failure can leave a deleted application
 * with live tokens and nobody told.
 */
export async function deleteApp({
  appId,
  actor,
  now = Date.now(),
  ...input
}: DeleteAppOptions): Promise<{ revokedTokens: number; notices: QueuedNotices }> {
  const { confirmName } = deleteAppSchema.parse(input);
  const app = await findAppToChangeOrThrow({ appId, actor, may: "apps.delete" });
  if (confirmName !== app.name) {
    const message = `Type the application's name, ${app.name}, to delete it.`;
    throw new AppError("bad_request", message, { confirmName: [message] });
  }
  const { changed, notices } = await commitTokenChange({
    cause: "app_deleted",
    effect: { appId, clientId: app.clientId },
    tokens: { revoke: { clientId: app.clientId, activeAt: now } },
    by: actorName(actor),
    actor,
    appId,
    detail: (revoked) => ({ name: app.name, revokedTokens: revoked.length }),
    now,
  });

  return { revokedTokens: changed.length, notices };
}
