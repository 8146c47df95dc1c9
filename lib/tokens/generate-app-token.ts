import { getAppOrThrow } from "@/lib/apps/get-app-or-throw";
import type { Actor } from "@/lib/apps/schemas";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { readTokenPolicy } from "@/lib/settings/settings";
import { accessTokenLifetime } from "@/lib/settings/token-lifetime";
import { issueToken } from "./issue-token";
import { revokeTokens } from "./revoke-tokens";

type GenerateAppTokenOptions = {
  appId: string;
  actor: Actor;
  regenerate?: boolean;
  ttlSeconds?: number; // a shorter validity than the app's, for this one token (WSO2's store offers the same)
  note?: string; // what the token is for; kept in the audit row that names the token (lib/tokens/token-origins.ts)
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
 * "Generate access token" in the browser: a client_credentials token for the user's application,
 * shown once. `regenerate` first revokes the application's active access tokens (WSO2's store semantics).
 */
export async function generateAppToken({
  appId,
  actor,
  regenerate = false,
  ttlSeconds,
  note,
  ip,
  now = Date.now(),
}: GenerateAppTokenOptions): Promise<GeneratedAppToken> {
  const { clientId, accessTokenTtl } = await getAppOrThrow({ appId, userId: actor.id });
  // A refused validity must fail before a regenerate revokes anything.
  if (ttlSeconds !== undefined) accessTokenLifetime(await readTokenPolicy(), { appTtl: accessTokenTtl, requested: ttlSeconds });
  const audit = { appId, actorId: actor.id, ip };
  const revoked = regenerate
    ? await revokeTokens({ selector: { clientId, type: "access_token", activeAt: now }, reason: "regenerate", by: actor.email, audit, now })
    : [];
  // Same lifetime rules as the token endpoint, so a browser token is no different from a client's own.
  const token = await issueToken({ clientId, subscriber: actor.id, appTtl: accessTokenTtl, ttlSeconds, now });
  await recordAuditEvent({
    ...audit,
    actor: actor.email,
    action: regenerate ? "token.regenerated" : "token.generated",
    detail: {
      tokenId: token.tokenId,
      expiresAt: token.expiresAt.toISOString(),
      last4: token.accessToken.slice(-4),
      ...(note ? { note } : {}),
      ...(regenerate ? { revokedTokens: revoked.length } : {}),
    },
  });

  return {
    tokenId: token.tokenId,
    accessToken: token.accessToken,
    tokenType: token.tokenType,
    expiresIn: token.expiresIn,
    expiresAt: token.expiresAt.toISOString(),
    clientId,
    revokedTokens: revoked.length,
  };
}
