import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import { store, type QueuedNotices } from "@/lib/data/store";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import { commitTokenChange, NO_CHANGE } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Person } from "@/lib/engine/identity/actor.shared";
import { prepareAccessToken } from "./issue-token";

type GenerateAppTokenOptions = {
  appId: string;
  actor: Person; // a token for the owner, named by their user id
  regenerate?: boolean;
  ttlSeconds?: number; // a shorter validity than the app's, for this one token (WSO2's store offers the same)
  note?: string; // what the token is for; kept in the audit row that names the token (lib/tokens/token-origins.ts)
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
 * "Generate access token" in the browser: a client_credentials token for the user's application,
 * shown once. `regenerate` revokes the application's active access tokens in the same transaction
 * that stores the new one (WSO2's store semantics); the caller flushes the returned notices.
 */
export async function generateAppToken({
  appId,
  actor,
  regenerate = false,
  ttlSeconds,
  note,
  now = Date.now(),
}: GenerateAppTokenOptions): Promise<GeneratedAppToken & { notices: QueuedNotices }> {
  const { clientId, accessTokenTtl, tokenFormat } = await getAppOrThrow({ appId, actor, may: "apps.generate_token" });
  // Same lifetime rules as the token endpoint, so a browser token is no different from a client's own;
  // a refused validity fails here, before anything is revoked.
  const { row, issued } = await prepareAccessToken({
    clientId,
    subscriber: actor.id,
    appTtl: accessTokenTtl,
    ttlSeconds,
    tokenFormat,
    now,
  });
  const audit = { appId, actor };
  const detail = {
    tokenId: issued.tokenId,
    expiresAt: issued.expiresAt.toISOString(),
    last4: issued.accessToken.slice(-4), // matches the row to the tokens list
    ...(note ? { note } : {}),
  };
  let revoked = 0;
  let notices = NO_CHANGE.notices;
  if (regenerate) {
    const result = await commitTokenChange({
      cause: "regenerate",
      effect: { kind: "issue_token", token: row },
      tokens: { revoke: { clientId, type: "access_token", activeAt: now } },
      by: actorName(actor),
      actor,
      appId,
      events: (changed) => [{ action: "token.regenerated", detail: { ...detail, revokedTokens: changed.length } }],
      now,
    });
    revoked = result.changed.length;
    notices = result.notices;
  } else {
    await store().insertToken(row);
    await recordAuditEvent({ ...audit, action: "token.generated", detail });
  }

  return {
    tokenId: issued.tokenId,
    accessToken: issued.accessToken,
    tokenType: issued.tokenType,
    expiresIn: issued.expiresIn,
    expiresAt: issued.expiresAt.toISOString(),
    clientId,
    revokedTokens: revoked,
    notices,
  };
}
