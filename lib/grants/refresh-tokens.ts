import { hashToken } from "@/lib/base/hash-token";
import { invalidGrant, refusedWith } from "@/lib/base/oauth-errors";
import { store, type ClientAuthRow, type TokenRow } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { clientActor } from "@/lib/engine/identity/actor.shared";
import { readTokenPolicy } from "@/lib/engine/settings/read-token-policy";
import { prepareGrantTokens, type TokenResponse } from "./grant-tokens";
import { assertAllowedScopes, keepGrantableScopes } from "./scopes";

type RefreshOptions = { client: ClientAuthRow; refreshToken: string; scope: string[]; ip?: string | null; now?: number };
type Refreshed = Awaited<ReturnType<typeof commitTokenChange>> & { response: TokenResponse };

/**
 * RFC 6749 §6 with rotation (RFC 9700 §4.14.2): every use revokes the refresh token and issues a
 * new pair in one transaction. A refresh token that was already rotated means two parties hold
 * it: the whole family is revoked and the owner alerted — except, within the admin's retry
 * window, once, for a client whose response was lost (the pair it never received is revoked).
 */
export async function refreshTokens({ client, refreshToken, scope, ip, now = Date.now() }: RefreshOptions): Promise<Refreshed> {
  const found = await store().findTokenByHash(hashToken(refreshToken));
  // Another client's token, an access token or an unknown one: refused, nothing revoked (§5.2).
  if (!found || found.type !== "refresh_token" || found.clientId !== client.id || !found.userId) throw invalidGrant();
  // Its client disabled, its application deleted or its person suspended: refused whatever its row says, nothing rotated.
  if (found.expiresAt <= now || !found.usable) throw invalidGrant();
  // §6: the new scope may only narrow the original one; and what the admin withdrew since is dropped (§3.3: the answer says so).
  const granted = found.scope.split(" ").filter(Boolean);
  const asked = scope.length ? assertAllowedScopes(scope, granted) : granted;
  const narrowed = await keepGrantableScopes({ appId: client.appId!, requested: asked, limit: client.allowedScopes });

  if (found.revokedAt === null) {
    const rotated = await rotate(client, found, narrowed, ip, now, false);
    if (rotated.changed.length > 0) return rotated;
    // Someone else rotated it between our read and our write: a second use, judged as one read after
    // that commit would be (within the retry window, the retry of a response that may have been lost).
    const reread = await store().findTokenByHash(found.hash);
    if (reread?.revokedAt == null) throw await reused(client, found, ip, now); // as before: any other lost race is reuse

    return secondUse(client, reread, narrowed, ip, now);
  }

  return secondUse(client, found, narrowed, ip, now);
}

/** A refresh token presented once it was revoked: a retry within the window, reuse, or plainly invalid. */
async function secondUse(client: ClientAuthRow, found: TokenRow, scope: string[], ip: string | null | undefined, now: number) {
  const { refreshReuseGrace } = await readTokenPolicy();
  if (found.revokedReason === "refresh_rotated" && now - found.revokedAt! <= refreshReuseGrace * 1000) {
    const retried = await rotate(client, found, scope, ip, now, true);
    if (retried.changed.length > 0) return retried;
  }
  if (found.revokedReason === "refresh_rotated" || found.revokedReason === "refresh_retried") throw await reused(client, found, ip, now);
  throw invalidGrant();
}

async function rotate(client: ClientAuthRow, found: TokenRow, scope: string[], ip: string | null | undefined, now: number, retry: boolean) {
  const { rows, response } = await prepareGrantTokens({
    client,
    userId: found.userId!,
    scope,
    grantId: found.grantId,
    issuedFrom: found.id,
    refreshExpiresAt: found.expiresAt,
    now,
  });
  const who = { by: `client:${client.id}`, actor: clientActor(client.id, ip ?? null), appId: client.appId, now };
  // A retry revokes what the lost response carried; a rotation, the refresh token itself.
  const result = retry
    ? await commitTokenChange({
        cause: "refresh_retried",
        tokens: { revoke: { issuedFrom: found.id, whileUnused: true } },
        effect: { tokens: rows, retriedFrom: found.id },
        ...who,
      })
    : await commitTokenChange({ cause: "refresh_rotated", tokens: { revoke: { tokenId: found.id } }, effect: { tokens: rows }, ...who });

  return { ...result, response };
}

async function reused(client: ClientAuthRow, found: TokenRow, ip: string | null | undefined, now: number) {
  const { notices } = await commitTokenChange({
    cause: "refresh_reused",
    tokens: { revoke: { grantId: found.grantId } },
    by: "system",
    actor: clientActor(client.id, ip ?? null),
    appId: client.appId,
    detail: (changed) => ({ kind: "refresh_token", count: changed.length, tokenId: found.id }),
    now,
  });

  return refusedWith(invalidGrant("refresh token was already used; every token of its grant is revoked"), notices);
}
