// Usage (lib/engine/usage): last-used times and introspection counts, written in one transaction.

export const USAGE = {
  // Last use, at most one write a minute per row (lib/engine/usage): an older time never overwrites a newer one.
  touchToken: "UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
  touchSecret: "UPDATE client_secrets SET last_used_at = ? WHERE secret_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)",
  countIntrospections: `INSERT INTO introspection_counts (day, client_id, count) VALUES (?, ?, ?)
    ON CONFLICT (day, client_id) DO UPDATE SET count = introspection_counts.count + excluded.count`,
};
