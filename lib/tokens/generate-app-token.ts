import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import type { Actor } from "@/lib/apps/schemas.shared";
import { AppError } from "@/lib/base/errors.shared";
import { store, type QueuedNotices } from "@/lib/data/store";
import { toAuditRow } from "@/lib/engine/audit/record-event";
import { commitTokenChange, NO_CHANGE } from "@/lib/engine/changes/commit-token-change";
import { buildTokens } from "@/lib/engine/tokens/build-token";

/** The operator at the CLI (`portcullis tokens issue`): may generate for any application, and its tokens say "cli". */
export const CLI_OPERATOR: Actor = { id: "cli", email: "cli", role: "admin" };

type GenerateAppTokenOptions = {
  appId: string;
  actor: Actor;
  regenerate?: boolean;
  ttlSeconds?: number; // a shorter validity than the app's, for this one token (WSO2's store offers the same)
  note?: string; // what the token is for; stored on the token, shown in the tokens list
  ip?: string | null;
  now?: number;
};

export type GeneratedAppToken = {
  tokenId: string;
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  expiresAt: string;
  clientId: string;
  revokedTokens: number;
};

/**
 * "Generate access token" in the browser (and `tokens issue` in the CLI): a client_credentials
 * token for the user's application, shown once. The token, where it came from and its audit row
 * commit in one transaction; `regenerate` also revokes the application's active access tokens in
 * it (WSO2's store semantics). The caller flushes the returned notices.
 */
export async function generateAppToken({
  appId,
  actor,
  regenerate = false,
  ttlSeconds,
  note,
  ip,
  now = Date.now(),
}: GenerateAppTokenOptions): Promise<GeneratedAppToken & { notices: QueuedNotices }> {
  const viaCli = actor.id === CLI_OPERATOR.id;
  // A person generates only for their own application, an admin too; the operator for any.
  const { clientId } = await getAppOrThrow({ appId, userId: actor.id, role: viaCli ? "admin" : undefined });
  const client = await store().findClient(clientId);
  if (!client || client.disabled) throw new AppError("not_found", "Application not found."); // e.g. its owner is suspended
  // Same lifetime rules as the token endpoint, so a generated token is no different from a client's own;
  // a refused validity fails here, before anything is revoked.
  const { access, expiresIn } = await buildTokens({ client, ttlSeconds, source: viaCli ? "cli" : "browser", note, now });
  const audit = { appId, actorId: actor.id, actor: actor.email, ip };
  const detail = {
    tokenId: access.row.id,
    expiresAt: new Date(access.row.expiresAt).toISOString(),
    last4: access.row.last4, // matches the row to the tokens list
    ...(note ? { note } : {}),
  };
  let revoked = 0;
  let notices = NO_CHANGE.notices;
  if (regenerate) {
    const result = await commitTokenChange({
      cause: "regenerate",
      effect: { token: access.row },
      tokens: { revoke: { clientId, type: "access_token", activeAt: now } },
      by: actor.email,
      actor: audit,
      detail: (changed) => ({ ...detail, revokedTokens: changed.length }),
      now,
    });
    revoked = result.changed.length;
    notices = result.notices;
  } else {
    await store().insertToken(access.row, [toAuditRow({ ...audit, action: "token.generated", detail }, now)]);
  }

  return {
    tokenId: access.row.id,
    accessToken: access.value,
    tokenType: "Bearer",
    expiresIn,
    expiresAt: new Date(access.row.expiresAt).toISOString(),
    clientId,
    revokedTokens: revoked,
    notices,
  };
}
