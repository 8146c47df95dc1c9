import { createApp } from "@/lib/apps/create-app";
import { db } from "@/lib/db/client";
import { store } from "@/lib/store";
import { hashToken, randomSecret, TOKEN_PREFIX } from "@/lib/tokens/hash-token";
import { randomUUID } from "node:crypto";

/** An application with `count` live access tokens written straight to the store; returns their values. */
export async function seedBenchClient(count: number) {
  const owner = await db.user.create({ data: { email: `${randomUUID()}@bench.local`, passwordHash: "-" } });
  const { clientId, clientSecret } = await createApp({ actor: owner, name: "bench", ip: null });
  const now = Date.now();
  const tokens: string[] = [];
  const batch: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const value = randomSecret(TOKEN_PREFIX.access_token);
    const id = randomUUID();
    tokens.push(value);
    batch.push(
      store().insertToken({
        id,
        hash: hashToken(value),
        prefix: TOKEN_PREFIX.access_token,
        last4: value.slice(-4),
        type: "access_token",
        clientId,
        subscriber: owner.id,
        grantId: id,
        scope: "",
        createdAt: now,
        expiresAt: now + 24 * 3600_000,
        revokedAt: null,
      }),
    );
    if (batch.length === 500) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);

  return { clientId, clientSecret, tokens };
}
