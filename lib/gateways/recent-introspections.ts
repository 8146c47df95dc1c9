// The in-flight race: an introspection answered "active" just before a revocation commits can
// reach a gateway after its eviction and be cached again. The key manager remembers, in memory
// only (no write on the introspection path), which token hashes it recently answered "active"
// for, so a revocation can announce those tokens once more a moment later.
const WINDOW_MS = 5_000;
const MAX_ENTRIES = 100_000;

const seen = ((globalThis as unknown as { portcullisRecentIntrospections?: Map<string, number> }).portcullisRecentIntrospections ??=
  new Map());

export function noteActiveIntrospection(hash: string, now = Date.now()): void {
  if (seen.size >= MAX_ENTRIES) {
    for (const [h, at] of seen) if (now - at > WINDOW_MS) seen.delete(h);
    if (seen.size >= MAX_ENTRIES) seen.clear(); // under a flood, forget rather than grow
  }
  seen.set(hash, now);
}

export function introspectedRecently(hash: string, now = Date.now()): boolean {
  const at = seen.get(hash);

  return at !== undefined && now - at <= WINDOW_MS;
}
