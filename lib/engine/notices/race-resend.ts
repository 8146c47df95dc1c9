import type { WireToken } from "@/lib/base/contract.shared";
import type { EventsCommitted } from "@/lib/data/bus/messages";
import { db } from "@/lib/data/db/client";
import { store, type ChangedToken } from "@/lib/data/store";
import type { Committed, Introspected } from "@/lib/engine/hooks/hooks";
import { flushNotices } from "./flush-notices";

// The in-flight race: an introspection answered "active" just before a revocation commits can
// reach a gateway after its eviction and be cached again. Each instance remembers, in memory only
// (no write on the introspection path), which token hashes it recently answered "active" for (the
// `introspected` hook), and when it learns of a revocation — its own commit (the `committed` hook),
// or another instance's through the instance bus — announces those tokens once more, a moment
// later, as a new event (a new webhook-id, so gateways that de-duplicate still act on it), for
// gateways that keep no tombstones.
//
// Bounded and durable: raced tokens gathered over BATCH_MS share one event, queued at once with
// its deliveries due after the delay, so any instance's worker sends it if this process dies.
const WINDOW_MS = 5_000;
const MAX_ENTRIES = 100_000;
const BATCH_MS = 100;
const resendDelayMs = () => Number(process.env.PORTCULLIS_RACE_RESEND_MS ?? 2_000);

type RaceState = { seen: Map<string, number>; lastActiveAt: number; raced: Map<string, ChangedToken>; batch?: NodeJS.Timeout };
// Process-wide: Next's bundles and server.ts load this module separately but answer for one instance.
const state = ((globalThis as unknown as { portcullisRace?: RaceState }).portcullisRace ??= {
  seen: new Map(),
  lastActiveAt: 0,
  raced: new Map(),
} as RaceState);

/** The `introspected` hook (lib/engine/hooks): an answer "active" is remembered for WINDOW_MS. */
export function rememberIntrospected({ hash, tokenId, at }: Introspected): void {
  if (tokenId === null) return;
  const { seen } = state;
  if (seen.size >= MAX_ENTRIES) {
    for (const [h, seenAt] of seen) if (at - seenAt > WINDOW_MS) seen.delete(h);
    if (seen.size >= MAX_ENTRIES) seen.clear(); // under a flood, forget rather than grow
  }
  seen.set(hash, at);
  state.lastActiveAt = at;
}

/** The `committed` hook: this process's own revocations. */
export const announceCommitted = ({ notices }: Committed): void => announceRacedAgain(notices.revoked);

function introspectedRecently(hash: string, now: number): boolean {
  const at = state.seen.get(hash);

  return at !== undefined && now - at <= WINDOW_MS;
}

/** Announces once more, shortly, the revoked tokens this process answered "active" for in the last seconds. */
function announceRacedAgain(revoked: ChangedToken[], now = Date.now()): void {
  for (const t of revoked) if (introspectedRecently(t.hash, now)) state.raced.set(t.hash, t);
  if (state.raced.size > 0) state.batch ??= setTimeout(queueBatch, BATCH_MS).unref();
}

async function queueBatch(): Promise<void> {
  const tokens = [...state.raced.values()];
  state.raced.clear();
  state.batch = undefined;
  const delay = resendDelayMs();
  try {
    const queued = await store().queueResend(tokens, delay);
    setTimeout(() => void flushNotices(queued), delay).unref(); // the worker is the backstop
  } catch (err) {
    console.error("race re-send could not be queued", err);
  }
}

/** The instance bus's handler: another instance committed revocations; re-announce those this one answered "active" for. */
export async function onRevocationsElsewhere(m: EventsCommitted, now = Date.now()): Promise<void> {
  if (m.type !== "token.revoked" || now - state.lastActiveAt > WINDOW_MS) return; // nothing answered lately: costs nothing
  const events = await db.revocationEvent.findMany({
    where: { sequence: { gte: m.first, lte: m.last }, type: "token.revoked" },
    select: { tokens: true },
  });
  const hashes = events.flatMap((e) => (JSON.parse(e.tokens) as WireToken[]).map((t) => t.token_hash));
  const raced = await Promise.all(hashes.filter((h) => introspectedRecently(h, now)).map((h) => store().findTokenByHash(h)));
  announceRacedAgain(
    raced.flatMap((t) => (t ? [{ id: t.id, hash: t.hash, type: t.type, clientId: t.clientId, expiresAt: t.expiresAt }] : [])),
    now,
  );
}
