import type { Effect } from "./effect";

/** app_deleted: the application soft-deleted, its client disabled and its secrets revoked. */
export const appDeleted: Effect<{ appId: string; clientId: string }> = ({ appId, clientId }, { at, dialect }) => {
  const t = dialect.time(at);

  return [
    { sql: "UPDATE apps SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL", params: [t, t, appId] },
    { sql: "UPDATE clients SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL", params: [t, clientId] },
    { sql: "UPDATE client_secrets SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL", params: [t, clientId] },
  ];
};
