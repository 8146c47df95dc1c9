import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { SECRET_OVERLAPS, type Actor, type SecretOverlap } from "@/lib/apps/schemas";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db/client";
import { revokeTokens } from "@/lib/tokens/revoke-tokens";
import { newClientSecret } from "./new-client-secret";

type RotateClientSecretOptions = { appId: string; actor: Actor; overlap?: SecretOverlap; ip?: string | null; now?: number };

export type RotatedSecret = { clientId: string; clientSecret: string; last4: string; previousExpireAt: string };

/**
 * Issues a new client secret (returned once). The secrets still valid stop working now
 * (`overlap: "none"`: revoked, and with them the client's active tokens, as after a leak) or when
 * the overlap ends, so a running client can switch without downtime; an earlier expiry is kept.
 */
export async function rotateClientSecret({
  appId,
  actor,
  overlap = "none",
  ip,
  now = Date.now(),
}: RotateClientSecretOptions): Promise<RotatedSecret> {
  const { clientId } = await getAppOrThrow({ appId, userId: actor.id });
  const { secret, secretHash, last4 } = newClientSecret();
  const at = new Date(now);
  const endsAt = new Date(now + SECRET_OVERLAPS[overlap] * 1000);
  const stillValid = { clientId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: endsAt } }] };

  await db.$transaction(async (tx) => {
    const previous = await tx.clientSecret.findMany({ where: stillValid, select: { last4: true } });
    await tx.clientSecret.updateMany({ where: stillValid, data: overlap === "none" ? { revokedAt: at } : { expiresAt: endsAt } });
    await tx.clientSecret.create({ data: { clientId, secretHash, last4, createdAt: at } });
    const detail = { clientId, last4, overlap, previous: previous.map((s) => s.last4), previousExpireAt: endsAt.toISOString() };
    await recordAuditEvent({ appId, actorId: actor.id, actor: actor.email, ip, action: "secret.regenerated", detail }, tx);
  });
  if (overlap === "none") {
    const audit = { appId, actorId: actor.id, ip };
    await revokeTokens({ selector: { clientId, activeAt: now }, reason: "secret_regenerated", by: actor.email, audit, now });
  }

  return { clientId, clientSecret: secret, last4, previousExpireAt: endsAt.toISOString() };
}
