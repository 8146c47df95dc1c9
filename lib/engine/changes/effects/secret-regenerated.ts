import { randomUUID } from "node:crypto";
import type { Effect } from "./effect";

type NewSecret = { clientId: string; secret: { secretHash: string; last4: string } };

/** secret_regenerated (no overlap): every secret of the client revoked, the new one stored. */
export const secretRegenerated: Effect<NewSecret> = ({ clientId, secret }, { at, dialect }) => {
  const t = dialect.time(at);

  return [
    { sql: "UPDATE client_secrets SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL", params: [t, clientId] },
    {
      sql: "INSERT INTO client_secrets (id, client_id, secret_hash, last4, created_at) VALUES (?, ?, ?, ?, ?)",
      params: [randomUUID(), clientId, secret.secretHash, secret.last4, t],
    },
  ];
};
