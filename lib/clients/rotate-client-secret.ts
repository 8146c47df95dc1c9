import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { PUBLIC_CLIENT_HAS_NO_SECRET } from "@/lib/apps/schemas.shared";
import { AppError } from "@/lib/base/errors.shared";
import { DEFAULT_OVERLAP, SECRET_OVERLAPS, type SecretOverlap } from "@/lib/base/overlap.shared";
import { db } from "@/lib/data/db/client";
import { type QueuedNotices } from "@/lib/data/store";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { TOKEN_CHANGE_CAUSES } from "@/lib/engine/changes/causes.shared";
import { commitTokenChange, NO_CHANGE } from "@/lib/engine/changes/commit-token-change";
import { newClientSecret } from "@/lib/engine/credentials/new-client-secret";
import { replaceClientSecret, secretsValidAfter } from "@/lib/engine/credentials/replace-client-secret";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";

type RotateClientSecretOptions = { appId: string; actor: Actor; overlap?: SecretOverlap; now?: number };

export type RotatedSecret = { clientId: string; clientSecret: string; last4: string; previousExpireAt: string };

/**
 * Issues a new client secret (returned once). The secrets still valid stop working now
 * (`overlap: "none"`: revoked, and with them the client's active tokens, as after a leak — one
 * transaction with the notices) or when the overlap ends, so a running client can switch without
 * downtime; an earlier expiry is kept. A public client is refused: it has no secret, ever.
 */
export async function rotateClientSecret({
  appId,
  actor,
  overlap = DEFAULT_OVERLAP,
  now = Date.now(),
}: RotateClientSecretOptions): Promise<RotatedSecret & { notices: QueuedNotices }> {
  const { clientId, publicClient } = await getAppOrThrow({ appId, actor, may: "apps.rotate_secret" });
  // A secret would turn a public client (RFC 6749 §2.1: it cannot keep one) into one that authenticates.
  if (publicClient) throw new AppError("bad_request", PUBLIC_CLIENT_HAS_NO_SECRET);
  const { secret, secretHash, last4 } = newClientSecret();
  const endsAt = new Date(now + SECRET_OVERLAPS[overlap] * 1000);
  const previous = (await db.clientSecret.findMany({ where: secretsValidAfter(clientId, endsAt), select: { last4: true } })).map(
    (s) => s.last4,
  );
  const detail = { clientId, last4, overlap, previous, previousExpireAt: endsAt.toISOString() };
  const rotated = { clientId, clientSecret: secret, last4, previousExpireAt: endsAt.toISOString() };

  if (overlap === "none") {
    const { notices } = await commitTokenChange({
      cause: "secret_regenerated",
      effect: { clientId, secret: { secretHash, last4 } },
      tokens: { revoke: { clientId, activeAt: now } },
      by: actorName(actor),
      actor,
      appId,
      detail: () => detail,
      now,
    });

    return { ...rotated, notices };
  }
  await db.$transaction(async (tx) => {
    await replaceClientSecret(tx, { clientId, secretHash, last4, endsAt, now });
    await recordAuditEvent({ appId, actor, action: TOKEN_CHANGE_CAUSES.secret_regenerated.event.action, detail }, tx);
  });

  return { ...rotated, notices: NO_CHANGE.notices };
}
