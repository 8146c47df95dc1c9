import type { UsageBatch } from "@/lib/data/store/types";
import type { Introspected } from "@/lib/engine/hooks/hooks";
// Last-used times and introspection counts, gathered in memory on the hot paths (a Map write, no
// I/O) and written in one batch by lib/engine/usage/flush-usage.ts every minute: so a token or secret
// gets at most one write a minute however often it is used, and introspection never waits on it.

const DAY_MS = 86_400_000;
const MAX_ENTRIES = 100_000; // per map: under a flood, later uses wait for the next flush to be noted

type Buffer = {
  tokens: Map<string, number>; // token id → last use (epoch ms)
  secrets: Map<string, number>; // secret hash → last use
  introspections: Map<string, number>; // "<utc day number>|<client id>" → count
};

const fresh = (): Buffer => ({ tokens: new Map(), secrets: new Map(), introspections: new Map() });
const holder = globalThis as unknown as { portcullisUsage?: Buffer };
const buffer = () => (holder.portcullisUsage ??= fresh());

const note = (map: Map<string, number>, key: string, at: number) => {
  if (map.size < MAX_ENTRIES || map.has(key)) map.set(key, at);
};

/** A client authenticated with this secret (its hash). */
export const noteSecretUse = (secretHash: string, at = Date.now()) => note(buffer().secrets, secretHash, at);

/**
 * The `introspected` hook (lib/engine/hooks): one introspection of a token of its client (none: a
 * token the key manager does not know), and the token's last use when it was answered "active".
 */
export function noteIntrospected({ clientId, tokenId, at }: Introspected) {
  const key = `${Math.floor(at / DAY_MS)}|${clientId ?? ""}`;
  const map = buffer().introspections;
  if (map.size < MAX_ENTRIES || map.has(key)) map.set(key, (map.get(key) ?? 0) + 1);
  if (tokenId !== null) note(buffer().tokens, tokenId, at);
}

/** Takes everything noted so far, leaving the buffer empty. */
export function drainUsage(): UsageBatch {
  const taken = buffer();
  holder.portcullisUsage = fresh();

  return {
    tokens: [...taken.tokens].map(([id, at]) => ({ id, at })),
    secrets: [...taken.secrets].map(([hash, at]) => ({ hash, at })),
    introspections: [...taken.introspections].map(([key, count]) => {
      const [day, clientId] = key.split("|");
      return { day: new Date(Number(day) * DAY_MS).toISOString().slice(0, 10), clientId, count };
    }),
  };
}

/** Puts a batch back after a failed write, so the next flush carries it (newest times and summed counts win). */
export function restoreUsage(batch: UsageBatch) {
  const b = buffer();
  for (const t of batch.tokens) b.tokens.set(t.id, Math.max(t.at, b.tokens.get(t.id) ?? 0));
  for (const s of batch.secrets) b.secrets.set(s.hash, Math.max(s.at, b.secrets.get(s.hash) ?? 0));
  for (const i of batch.introspections) {
    const key = `${Date.parse(i.day) / DAY_MS}|${i.clientId}`;
    b.introspections.set(key, (b.introspections.get(key) ?? 0) + i.count);
  }
}
