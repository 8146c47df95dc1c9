import { hashToken } from "@/lib/base/hash-token";
import { invalidGrant, refusedWith, type OAuthError } from "@/lib/base/oauth-errors";
import { store, type AuthorizationCodeRow, type ClientAuthRow } from "@/lib/data/store";
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
 * approved it is not suspended; anything else is invalid_grant. A code is single use (§4.1.2):
 * a failed exchange consumes it too, so a guessed verifier or a stolen code tried by another client
 * leaves nothing to try again with. A second use (§4.1.2: "SHOULD revoke … all tokens previously
 * issued based on that authorization code") revokes the family the first use produced, and the
 * owner sees an alert.
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
  if (!found) throw invalidGrant();
  // Another client's code is refused without revoking what its own client got (as an unknown code would be).
  if (found.usedAt !== null && found.clientId === client.id) throw await replayed(client, found.grantId, ip, now);
  const refusal = refusalOf(found, { client, redirectUri, codeVerifier, now });
  if (refusal) {
    if (found.usedAt === null) await store().redeemCode(found.hash, now, []); // consumed, issuing nothing
    throw refusal;
  }

  const scope = found.scope.split(" ").filter(Boolean);
  const { rows, response } = await prepareGrantTokens({ client, userId: found.userId, scope, grantId: found.grantId, now });
  // Marking the code used and storing its tokens is one transaction: a concurrent second use loses here.
  if (!(await store().redeemCode(found.hash, now, rows))) throw await replayed(client, found.grantId, ip, now);

  return response;
}

type Presented = Pick<ExchangeCodeOptions, "client" | "redirectUri" | "codeVerifier"> & { now: number };

/** Why this exchange of an existing code fails, or null when it may be redeemed. */
function refusalOf(found: AuthorizationCodeRow, { client, redirectUri, codeVerifier, now }: Presented): OAuthError | null {
  if (found.clientId !== client.id || found.usedAt !== null || found.userSuspended) return invalidGrant();
  if (found.expiresAt <= now) return invalidGrant("authorization code expired");
  if (redirectUri !== found.redirectUri) return invalidGrant("redirect_uri does not match the authorization request");
  if (!codeVerifier || !verifierMatches(codeVerifier, found.codeChallenge))
    return invalidGrant("code_verifier does not match the code_challenge");

  return null;
}

async function replayed(client: ClientAuthRow, grantId: string, ip: string | null | undefined, now: number) {
  const { changed, notices } = await commitTokenChange({
    cause: "code_reused",
    tokens: { revoke: { grantId } },
    by: "system",
    actor: clientActor(client.id, ip ?? null),
    appId: client.appId,
    detail: (changed) => ({ kind: "authorization_code", count: changed.length }),
    now,
  });

  // A code consumed by a failed exchange produced nothing to revoke.
  const message =
    changed.length > 0 ? "authorization code was already used; the tokens it produced are revoked" : "authorization code was already used";
  return refusedWith(invalidGrant(message), notices);
}
