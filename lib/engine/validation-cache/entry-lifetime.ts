type Answer = { exp: number; backend_jwt?: unknown };

/** When a cached answer must go: the TTL, the token's `exp` or a `backend_jwt`'s `exp`, whichever comes first (epoch ms). */
export const entryUntil = (answer: Answer, now: number, ttlMs: number) =>
  Math.min(now + ttlMs, answer.exp * 1000, backendJwtExpiry(answer.backend_jwt));

/** A JWT's `exp` in ms: the key manager signed it, so reading is enough. Unreadable: 0, never kept. */
function backendJwtExpiry(jwt: unknown): number {
  if (jwt === undefined) return Infinity;
  try {
    const exp = (JSON.parse(Buffer.from(String(jwt).split(".")[1], "base64url").toString()) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}
