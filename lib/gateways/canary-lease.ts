import { at, coldExecute } from "@/lib/data/db/cold-sql";

// One scheduled canary round at a time across every instance (each runs the jobs): a lease in the
// settings table, taken with a conditional UPDATE, as the purge's (lib/tokens/purge-lease.ts).
const KEY = "internal.canary_lease";
const LEASE_MS = 5 * 60_000; // a round that died frees it within 5 minutes
const encode = (ms: number) => String(ms).padStart(15, "0");

/** Takes the lease and returns its release, or null while another instance holds it. */
export async function takeCanaryLease(now = Date.now()): Promise<(() => Promise<void>) | null> {
  await coldExecute(
    `INSERT INTO settings (key, value, updated_at) VALUES ('${KEY}', ?, :ts) ON CONFLICT (key) DO NOTHING`,
    encode(0),
    at(now),
  );
  const held = encode(now + LEASE_MS);
  const taken = await coldExecute(
    `UPDATE settings SET value = ?, updated_at = :ts WHERE key = '${KEY}' AND value < ?`,
    held,
    at(now),
    encode(now),
  );
  if (taken === 0) return null;

  return async () => {
    await coldExecute(
      `UPDATE settings SET value = ?, updated_at = :ts WHERE key = '${KEY}' AND value = ?`,
      encode(0),
      at(Date.now()),
      held,
    );
  };
}
