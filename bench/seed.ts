import { changeApiLifecycle } from "@/lib/apis/change-lifecycle";
import { createApi } from "@/lib/apis/create-api";
import { createTier } from "@/lib/apis/create-tier";
import { setBackendJwt } from "@/lib/apis/set-backend-jwt";
import { createApp } from "@/lib/apps/create-app";
import { setTokenFormat } from "@/lib/apps/set-token-format";
import { hashToken, randomSecret, TOKEN_PREFIX } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { store } from "@/lib/data/store";
import { createClient } from "@/lib/engine/credentials/create-client";
import { operatorActor } from "@/lib/engine/identity/actor.shared";
import { subscribe } from "@/lib/subscriptions/subscribe";
import { randomUUID } from "node:crypto";

const BENCH_ADMIN = operatorActor("bench");

/**
 * An application with `count` live access tokens written straight to the store, subscribed to one
 * published API (for introspection with api_context/api_version); returns the token values and the API.
 */
export async function seedBenchClient(count: number) {
  const owner = await db.user.create({ data: { email: `${randomUUID()}@bench.local`, passwordHash: "-" } });
  const { app, clientId, clientSecret } = await createApp({ actor: BENCH_ADMIN, ownerId: owner.id, name: "bench" });
  const tier = await createTier({ actor: BENCH_ADMIN, name: `bench-${randomUUID().slice(0, 8)}`, requestsPerMinute: 1_000_000 });
  const api = await createApi({
    actor: BENCH_ADMIN,
    name: "Bench",
    context: `/bench-${randomUUID().slice(0, 8)}`,
    version: "v1",
    tiers: [tier.name],
  });
  await changeApiLifecycle({ apiId: api.id, action: "publish", actor: BENCH_ADMIN });
  await subscribe({ actor: BENCH_ADMIN, asAdmin: true, appId: app.id, apiId: api.id, tier: tier.name });
  // The same, with JWT to the backend on: introspection for it signs a JWT per call.
  const jwtApi = await createApi({
    actor: BENCH_ADMIN,
    name: "Bench JWT",
    context: `/bench-jwt-${randomUUID().slice(0, 8)}`,
    version: "v1",
    tiers: [tier.name],
  });
  await changeApiLifecycle({ apiId: jwtApi.id, action: "publish", actor: BENCH_ADMIN });
  await setBackendJwt({ apiId: jwtApi.id, backendJwt: "on", actor: BENCH_ADMIN });
  await subscribe({ actor: BENCH_ADMIN, asAdmin: true, appId: app.id, apiId: jwtApi.id, tier: tier.name });
  // Only a gateway's client is handed a backend JWT: the per-API introspection for it asks as one.
  const gatewayClient = await createClient({ kind: "gateway" });
  // An application whose access tokens are RFC 9068 JWTs (issuance signs one per token).
  const jwtApp = await createApp({ actor: BENCH_ADMIN, ownerId: owner.id, name: "bench jwt" });
  await setTokenFormat({ appId: jwtApp.app.id, tokenFormat: "jwt", actor: BENCH_ADMIN });
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
        source: "token_endpoint",
        note: null,
      }),
    );
    if (batch.length === 500) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);

  return {
    clientId,
    clientSecret,
    tokens,
    api: { context: api.context, version: api.version },
    jwtApi: { context: jwtApi.context, version: jwtApi.version },
    jwtClient: { clientId: jwtApp.clientId, clientSecret: jwtApp.clientSecret },
    gatewayClient,
  };
}
