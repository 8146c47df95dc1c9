import type { RawChanged } from "./rows";

// A token change's statements are built by its owner (lib/engine/changes): each returns the
// tokens it changed with these columns, which both engines read back the same way.

export const CHANGED_COLUMNS = ["id", "hash", "type", "client_id", "expires_at"] as const;
export const RETURNING_CHANGED = `RETURNING ${CHANGED_COLUMNS.join(", ")}`;

export const toChanged = (r: RawChanged) => ({ id: r.id, hash: r.hash, type: r.type, clientId: r.client_id, expiresAt: r.expires_at });
