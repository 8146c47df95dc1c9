import { announceRevocation } from "@/lib/gateways/announce-revocation";
import { store, type RevokedToken, type RevokeSelector } from "@/lib/store";

export type RevokeReason = "browser" | "revocation_endpoint" | "regenerate" | "app_deleted" | "secret_regenerated" | "cli";

export type RevokeTokensOptions = {
  selector: RevokeSelector;
  reason: RevokeReason;
  by: string; // shown in the tokens list: an email, "client:<client_id>" or "cli"
  audit?: { appId: string | null; actorId?: string | null; ip?: string | null };
  now?: number;
};

/**
 * The one way tokens stop being valid before they expire. Already revoked tokens are left as they
 * were; the tokens revoked now are returned, and recorded in the audit trail (when `audit` is given)
 * in the same transaction as the gateway notices (transactional outbox).
 */
export async function revokeTokens({ selector, reason, by, audit, now = Date.now() }: RevokeTokensOptions): Promise<RevokedToken[]> {
  const revocation = { at: now, by, reason };
  const auditRow = audit && { appId: audit.appId, actorId: audit.actorId ?? null, ip: audit.ip ?? null };
  const { revoked, sequences } = await store().revokeTokens(selector, revocation, auditRow);
  announceRevocation(revoked, sequences); // not awaited: the caller's answer never waits on gateways

  return revoked;
}
