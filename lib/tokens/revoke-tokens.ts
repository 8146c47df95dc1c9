import { recordAuditEvent } from "@/lib/audit/record-event";
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
 * were; the tokens revoked now are returned (and recorded in the audit trail when `audit` is given).
 */
export async function revokeTokens({ selector, reason, by, audit, now = Date.now() }: RevokeTokensOptions): Promise<RevokedToken[]> {
  const revoked = await store().revokeTokens(selector, { at: now, by, reason });
  if (audit && revoked.length > 0) {
    await recordAuditEvent({
      appId: audit.appId,
      actorId: audit.actorId,
      actor: by,
      ip: audit.ip,
      action: "token.revoked",
      detail: { reason, count: revoked.length, tokenIds: revoked.map((t) => t.id) },
    });
  }

  return revoked;
}
