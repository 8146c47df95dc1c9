import { at, coldExecute } from "@/lib/data/db/cold-sql";

// One purge at a time across every instance: a lease kept in the settings table (an internal key,
// never shown), taken with a conditional UPDATE so exactly one of several contenders wins. The
// value is the lease's end in epoch ms, zero-padded so text order is time order.
const KEY = "internal.purge_lease";
const LEASE_MS = 60_000; // renewed after every batch; a purge that died frees it within a minute
const encode = (ms: number) => String(ms).padStart(15, "0");

export type PurgeLease = { renew(): Promise<boolean>; release(): Promise<void> };

/** Takes the purge lease, or returns null while another purge holds it. */
export async function takePurgeLease(now = Date.now()): Promise<PurgeLease | null> {
  await coldExecute(
    `INSERT INTO settings (key, value, updated_at) VALUES ('${KEY}', ?, :ts) ON CONFLICT (key) DO NOTHING`,
    encode(0),
    at(now),
  );
  let held = encode(now + LEASE_MS);
  const taken = await coldExecute(
    `UPDATE settings SET value = ?, updated_at = :ts WHERE key = '${KEY}' AND value < ?`,
    held,
    at(now),
    encode(now),
  );
  if (taken === 0) return null;

  return {
    async renew() {
      const next = encode(Date.now() + LEASE_MS);
      const kept = await coldExecute(
        `UPDATE settings SET value = ?, updated_at = :ts WHERE key = '${KEY}' AND value = ?`,
        next,
        at(Date.now()),
        held,
      );
      held = next;
      return kept === 1;
    },
    async release() {
      await coldExecute(
        `UPDATE settings SET value = ?, updated_at = :ts WHERE key = '${KEY}' AND value = ?`,
        encode(0),
        at(Date.now()),
        held,
      );
    },
  };
}
