import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { isUniqueViolation } from "@/lib/data/db/unique-violation";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { generateKeyMaterial } from "@/lib/engine/keys/key-material";
import { ACTIVATION_DELAY_MS, keyRing, reloadKeyRing } from "@/lib/engine/keys/key-ring";
import { rotateKeySchema, type RotateKeyInput } from "@/lib/engine/keys/schemas.shared";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";

type RotateSigningKeyOptions = RotateKeyInput & { actor: Actor; now?: number };

/**
 * Makes a new signing key, published at once and signing ACTIVATION_DELAY_MS later (every instance
 * lists it by then); the keys it replaces stay published for the overlap after that, so tokens they
 * signed keep verifying. Audited in the same transaction.
 */
export async function rotateSigningKey({ actor, now = Date.now(), ...input }: RotateSigningKeyOptions) {
  assertCan(actor, "keys.manage");
  const { alg, overlapSeconds = (await readTokenPolicy()).accessTokenMaxTtl } = rotateKeySchema.parse(input);
  await keyRing(); // a first key exists before it is replaced
  const { kid, publicJwk, sealedPrivateKey } = await generateKeyMaterial(alg);
  const activatesAt = new Date(now + ACTIVATION_DELAY_MS);
  const retireAt = new Date(activatesAt.getTime() + overlapSeconds * 1000);
  try {
    const replaced = await db.$transaction(async (tx) => {
      const live = await tx.signingKey.findMany({
        where: { OR: [{ expiresAt: null }, { expiresAt: { gt: retireAt } }] },
        select: { id: true, generation: true },
        orderBy: { generation: "desc" },
      });
      const last = await tx.signingKey.findFirst({ orderBy: { generation: "desc" }, select: { generation: true } });
      await tx.signingKey.updateMany({ where: { id: { in: live.map((k) => k.id) } }, data: { expiresAt: retireAt } });
      await tx.signingKey.create({
        data: {
          id: kid,
          generation: (last?.generation ?? 0) + 1,
          alg,
          publicJwk: JSON.stringify(publicJwk),
          privateKey: sealedPrivateKey,
          createdAt: new Date(now),
          activatesAt,
        },
      });
      const detail = { kid, alg, replaced: live.map((k) => k.id), activatesAt: activatesAt.toISOString(), overlapSeconds };
      await recordAuditEvent({ appId: null, actor, action: "signing_key.rotated", detail }, tx);

      return live.map((k) => k.id);
    });
    reloadKeyRing();

    return { kid, alg, activatesAt: activatesAt.toISOString(), previousExpireAt: retireAt.toISOString(), replaced };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "Another rotation just happened. Look at the keys and try again.");
    throw err;
  }
}
