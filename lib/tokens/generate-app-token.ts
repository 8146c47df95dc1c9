import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { AppError } from "@/lib/base/errors.shared";
import { store, type QueuedNotices } from "@/lib/data/store";
import { toAuditRow } from "@/lib/engine/audit/audit-row";
import { commitTokenChange, NO_CHANGE } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";
import { buildTokens } from "@/lib/engine/tokens/build-token";

type GenerateAppTokenOptions = {
  appId: string;
  actor: Actor; // the owner in the portal, or the operator at the CLI (`tokens issue`)
  regenerate?: boolean;
  ttlSeconds?: number; // a shorter validity than the app's, for this one token (WSO2's store offers the same)
  note?: string; // what the token is for; stored on the token, shown in the tokens list
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
  now = Date.now(),
}: GenerateAppTokenOptions): Promise<GeneratedAppToken & { notices: QueuedNotices }> {
  // A person generates only for their own application (an admin too); the operator at the CLI for any.
  const viaCli = actor.kind === "operator";
  const { clientId } = await getAppOrThrow({ appId, actor, may: viaCli ? "apps.issue_token" : "apps.generate_token" });
  const client = await store().findClient(clientId);
  if (!client || client.disabled) throw new AppError("not_found", "Application not found."); // e.g. its owner is suspended
  // Same lifetime rules as the token endpoint, so a generated token is no different from a client's own;
  // a refused validity fails here, before anything is revoked.
  const { access, expiresIn } = await buildTokens({ client, ttlSeconds, source: viaCli ? "cli" : "browser", note, now });
  const audit = { appId, actor };
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
      by: actorName(actor),
      actor,
      appId,
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
