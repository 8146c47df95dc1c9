import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { keyRing } from "@/lib/engine/keys/key-ring";
import type { SigningKeyState, SigningKeySummary } from "@/lib/engine/keys/schemas.shared";

/** Every key, newest first, with its state now: which signs, which waits to, which still verifies. */
export async function listSigningKeys({ actor, at }: { actor: Actor; at?: number }): Promise<SigningKeySummary[]> {
  assertCan(actor, "keys.manage");
  await keyRing(); // the first key is made on first need, a look included
  const now = at ?? Date.now(); // after the read: a first key another process just made is current, not next
  const keys = await db.signingKey.findMany({ orderBy: { generation: "desc" }, omit: { privateKey: true } });
  let signerSeen = false;

  return keys.map((k) => {
    const expired = k.expiresAt !== null && k.expiresAt.getTime() <= now;
    let state: SigningKeyState;
    if (expired) state = "expired";
    else if (k.activatesAt.getTime() > now) state = "next";
    else if (!signerSeen) state = "current";
    else state = "previous";
    if (state === "current") signerSeen = true;

    return {
      kid: k.id,
      alg: k.alg,
      state,
      createdAt: k.createdAt.toISOString(),
      activatesAt: k.activatesAt.toISOString(),
      expiresAt: k.expiresAt?.toISOString() ?? null,
    };
  });
}
