import { hashToken } from "@/lib/base/hash-token";
import { invalidGrant, refusedWith } from "@/lib/base/oauth-errors";
import { store, type ClientAuthRow } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { clientActor } from "@/lib/engine/identity/actor.shared";
import { prepareGrantTokens, type TokenResponse } from "./grant-tokens";
import { verifierMatches } from "./pkce";

type ExchangeCodeOptions = {
  client: ClientAuthRow;
  code: string;
  redirectUri: string | undefined;
  codeVerifier: string | undefined;
  ip?: string | null;
  now?: number;
};

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.6). A code is good once, for 60 s, for the client it was
 * issued to, with the same redirect URI and the verifier of its challenge, while the person who
 * approved it is not suspended; anything else is invalid_grant. A second use (§4.1.2: "SHOULD revoke … all tokens previously issued based on that
 * authorization code") revokes the family the first use produced, and the owner sees an alert.
 */
export async function exchangeCode({
  client,
  code,
  redirectUri,
  codeVerifier,
  ip,
  now = Date.now(),
}: ExchangeCodeOptions): Promise<TokenResponse> {
  const found = await store().findCode(hashToken(code));
  // The person who approved it suspended since: refused whatever its row says (the suspension deletes unredeemed codes).
  if (!found || found.clientId !== client.id || found.userSuspended) throw invalidGrant();
  if (found.usedAt !== null) throw await replayed(client, found.grantId, ip, now);
  if (found.expiresAt <= now) throw invalidGrant("authorization code expired");
  if (redirectUri !== found.redirectUri) throw invalidGrant("redirect_uri does not match the authorization request");
  if (!codeVerifier || !verifierMatches(codeVerifier, found.codeChallenge))
    throw invalidGrant("code_verifier does not match the code_challenge");

  const scope = found.scope.split(" ").filter(Boolean);
  const { rows, response } = await prepareGrantTokens({ client, userId: found.userId, scope, grantId: found.grantId, now });
  // Marking the code used and storing its tokens is one transaction: a concurrent second use loses here.
  if (!(await store().redeemCode(found.hash, now, rows))) throw await replayed(client, found.grantId, ip, now);

  return response;
}

async function replayed(client: ClientAuthRow, grantId: string, ip: string | null | undefined, now: number) {
  const { notices } = await commitTokenChange({
    cause: "code_reused",
    tokens: { revoke: { grantId } },
    by: "system",
    actor: clientActor(client.id, ip ?? null),
    appId: client.appId,
    detail: (changed) => ({ kind: "authorization_code", count: changed.length }),
    now,
  });

  return refusedWith(invalidGrant("authorization code was already used; the tokens it produced are revoked"), notices);
}
