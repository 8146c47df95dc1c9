import { at, coldExecute } from "@/lib/data/db/cold-sql";

// One holder at a time across every instance (each runs the jobs): a lease kept in the settings table
// under an internal key (never shown), taken with a conditional UPDATE so exactly one of several
// contenders wins. The value is the lease's end in epoch ms, zero-padded so text order is time order.
const encode = (ms: number) => String(ms).padStart(15, "0");

export type SettingsLease = { renew(): Promise<boolean>; release(): Promise<void> };

/** Takes the lease named `key` for `leaseMs`, or returns null while another holder has it. */
export async function takeSettingsLease({ key, leaseMs, now = Date.now() }: { key: string; leaseMs: number; now?: number }) {
  await coldExecute(
    "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, :ts) ON CONFLICT (key) DO NOTHING",
    key,
    encode(0),
    at(now),
  );
  let held = encode(now + leaseMs);
  const taken = await coldExecute(
    "UPDATE settings SET value = ?, updated_at = :ts WHERE key = ? AND value < ?",
    held,
    at(now),
    key,
    encode(now),
  );
  if (taken === 0) return null;
  // Only while it is still ours: a holder whose lease lapsed (and was taken since) changes nothing.
  const replace = (value: string) =>
    coldExecute("UPDATE settings SET value = ?, updated_at = :ts WHERE key = ? AND value = ?", value, at(Date.now()), key, held);

  const lease: SettingsLease = {
    async renew() {
      const next = encode(Date.now() + leaseMs);
      const kept = await replace(next);
      held = next;
      return kept === 1;
    },
    async release() {
      await replace(encode(0));
    },
  };

  return lease;
}
