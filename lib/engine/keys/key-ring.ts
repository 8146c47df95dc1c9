import { decryptSecret } from "@/lib/base/secret-box";
import { db } from "@/lib/data/db/client";
import type { JWK } from "jose";
import { createPrivateKey, type KeyObject } from "node:crypto";
import { createFirstKey } from "./create-first-key";
import type { SigningAlg } from "./schemas.shared";

// Every instance keeps the signing keys in memory for signing and re-reads them from the database
// at most KEY_RELOAD_MS after its last read. A rotation's new key is in every instance's JWKS at
// once (read on each call) and signs only ACTIVATION_DELAY_MS after it is made, when every
// instance's ring holds it: a gateway never sees a kid that the instance it asks does not list.
export const KEY_RELOAD_MS = 5_000;
export const ACTIVATION_DELAY_MS = 2 * KEY_RELOAD_MS;

export type RingKey = {
  kid: string;
  alg: SigningAlg;
  generation: number;
  publicJwk: JWK;
  sealedPrivateKey: string;
  activatesAt: number; // epoch ms
  expiresAt: number | null;
};

type Ring = { loadedAt: number; keys: RingKey[]; privateKeys: Map<string, KeyObject> };
const globalForRing = globalThis as unknown as { portcullisKeyRing?: Ring; portcullisKeyLoad?: Promise<Ring> };

const isPublished = (k: RingKey, now: number) => k.expiresAt === null || k.expiresAt > now;

async function load(): Promise<Ring> {
  const read = async () =>
    (await db.signingKey.findMany({ orderBy: { generation: "desc" } })).map((k): RingKey => ({
      kid: k.id,
      alg: k.alg as SigningAlg,
      generation: k.generation,
      publicJwk: JSON.parse(k.publicJwk) as JWK,
      sealedPrivateKey: k.privateKey,
      activatesAt: k.activatesAt.getTime(),
      expiresAt: k.expiresAt?.getTime() ?? null,
    }));
  let keys = await read();
  if (!keys.some((k) => isPublished(k, Date.now()))) {
    await createFirstKey(); // the first need: no key yet (or every key expired)
    keys = await read();
  }

  return { loadedAt: Date.now(), keys, privateKeys: globalForRing.portcullisKeyRing?.privateKeys ?? new Map() };
}

/** The keys as this instance knows them, re-read when older than KEY_RELOAD_MS (callers share one read). */
export async function keyRing(): Promise<Ring> {
  const ring = globalForRing.portcullisKeyRing;
  if (ring && Date.now() - ring.loadedAt < KEY_RELOAD_MS) return ring;
  globalForRing.portcullisKeyLoad ??= load()
    .then((next) => (globalForRing.portcullisKeyRing = next))
    .finally(() => (globalForRing.portcullisKeyLoad = undefined));

  return globalForRing.portcullisKeyLoad;
}

/** Forgets what was read: the next use re-reads (after this instance rotated, or in tests). */
export function reloadKeyRing() {
  globalForRing.portcullisKeyRing = undefined;
}

/**
 * The JWKS: every key not yet expired — the signing one, the next one and the previous one during an
 * overlap. Read afresh on every call (a few rows; verifiers cache the answer), so every instance and
 * worker lists a rotated key the moment it commits, not up to KEY_RELOAD_MS later.
 */
export async function publishedKeys(now = Date.now()): Promise<JWK[]> {
  const ring = (globalForRing.portcullisKeyRing = await load());

  return ring.keys.filter((k) => isPublished(k, now)).map((k) => k.publicJwk);
}

/** The key that signs now: the newest whose activation time has passed and that has not expired. */
export async function signingKey(now = Date.now()): Promise<{ kid: string; alg: SigningAlg; privateKey: KeyObject }> {
  const ring = await keyRing();
  const key = ring.keys.find((k) => k.activatesAt <= now && isPublished(k, now)) ?? ring.keys.find((k) => isPublished(k, now));
  if (!key) throw new Error("no signing key");
  let privateKey = ring.privateKeys.get(key.kid);
  if (!privateKey) ring.privateKeys.set(key.kid, (privateKey = createPrivateKey(decryptSecret(key.sealedPrivateKey))));

  return { kid: key.kid, alg: key.alg, privateKey };
}
