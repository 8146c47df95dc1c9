import { db } from "@/lib/data/db/client";
import { isUniqueViolation } from "@/lib/data/db/unique-violation";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { systemActor } from "@/lib/engine/identity/actor.shared";
import { generateKeyMaterial } from "./key-material";
import { DEFAULT_SIGNING_ALG } from "./schemas.shared";

/** True for the unique violation of two instances inserting the same generation at once. */

/**
 * The first signing key, made on first need (no key yet, or every key expired), signing at once.
 * Instances starting together race on the generation's unique index: one inserts, the others re-read.
 */
export async function createFirstKey(now = Date.now()) {
  const last = await db.signingKey.findFirst({ orderBy: { generation: "desc" }, select: { generation: true } });
  const { kid, publicJwk, sealedPrivateKey } = await generateKeyMaterial(DEFAULT_SIGNING_ALG);
  try {
    await db.$transaction(async (tx) => {
      await tx.signingKey.create({
        data: {
          id: kid,
          generation: (last?.generation ?? 0) + 1,
          alg: DEFAULT_SIGNING_ALG,
          publicJwk: JSON.stringify(publicJwk),
          privateKey: sealedPrivateKey,
          createdAt: new Date(now),
          activatesAt: new Date(now),
        },
      });
      await recordAuditEvent(
        { appId: null, actor: systemActor("signing_keys"), action: "signing_key.created", detail: { kid, alg: DEFAULT_SIGNING_ALG } },
        tx,
      );
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
}
