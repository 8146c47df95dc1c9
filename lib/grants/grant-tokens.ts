import type { ClientAuthRow } from "@/lib/data/store";
import { buildTokens } from "@/lib/engine/tokens/build-token";

type GrantTokensOptions = {
  client: ClientAuthRow;
  userId: string;
  scope: string[];
  grantId: string; // the family: every token one authorization (or password grant) leads to
  issuedFrom?: string; // the refresh token whose rotation issues these
  refreshExpiresAt?: number; // rotation keeps the family's expiry: using a refresh token never extends it
  now?: number;
};

/** RFC 6749 §5.1 success body. */
export type TokenResponse = { access_token: string; token_type: "Bearer"; expires_in: number; refresh_token?: string; scope?: string };

/**
 * An access token, and a refresh token when the application may use refresh tokens, for a person's
 * grant — not yet stored (the caller commits them with what they come from) — and the response that carries them.
 */
export async function prepareGrantTokens({ client, scope, ...options }: GrantTokensOptions) {
  const { access, refresh, expiresIn, rows } = await buildTokens({
    client,
    scope,
    refresh: client.grantTypes.includes("refresh_token"),
    ...options,
  });
  const response: TokenResponse = {
    access_token: access.value,
    token_type: "Bearer",
    expires_in: expiresIn,
    ...(refresh ? { refresh_token: refresh.value } : {}),
    ...(scope.length ? { scope: scope.join(" ") } : {}),
  };

  return { rows, response };
}
