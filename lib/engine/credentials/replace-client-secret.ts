import { db } from "@/lib/data/db/client";

type Tx = Pick<typeof db, "clientSecret">;

/** A client's secrets that still authenticate after `endsAt`: what a rotation ends (an earlier expiry is kept). */
export const secretsValidAfter = (clientId: string, endsAt: Date) => ({
  clientId,
  revokedAt: null,
  OR: [{ expiresAt: null }, { expiresAt: { gt: endsAt } }],
});

type Replacement = { clientId: string; secretHash: string; last4: string; endsAt: Date; now: number; revoke?: boolean };

/**
 * A rotation's writes, in the caller's transaction: the new secret, and the secrets still valid ending at
 * `endsAt` (the overlap), or revoked then (`revoke`: the leak response, no overlap).
 */
export async function replaceClientSecret(tx: Tx, { clientId, secretHash, last4, endsAt, now, revoke = false }: Replacement) {
  await tx.clientSecret.updateMany({
    where: secretsValidAfter(clientId, endsAt),
    data: revoke ? { revokedAt: endsAt } : { expiresAt: endsAt },
  });
  await tx.clientSecret.create({ data: { clientId, secretHash, last4, createdAt: new Date(now) } });
}
