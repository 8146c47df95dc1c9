import type { TokenFormat } from "@/lib/base/token-format.shared";
import { store } from "@/lib/data/store";
import { buildTokens } from "@/lib/engine/tokens/build-token";

export type IssueTokenOptions = {
  clientId: string;
  subscriber: string | null; // owner of the client's application
  scope?: string[];
  appTtl?: number | null; // the application's own lifetime (applies while the admin allows overrides)
  ttlSeconds?: number; // a shorter life than the allowed one, for this one token
  tokenFormat?: TokenFormat; // the application's choice; opaque by default
  now?: number;
};

export type IssuedToken = {
  tokenId: string;
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  expiresAt: Date;
  scope: string[];
};

/** RFC 6749 §4.4 client_credentials: an access token that is its own grant. Only its hash is stored. */
export async function issueToken({
  clientId,
  subscriber,
  scope = [],
  appTtl,
  ttlSeconds,
  tokenFormat,
  now,
}: IssueTokenOptions): Promise<IssuedToken> {
  const { access, expiresIn } = await buildTokens({
    client: { id: clientId, ownerId: subscriber, appAccessTokenTtl: appTtl, tokenFormat },
    scope,
    ttlSeconds,
    now,
  });
  await store().insertToken(access.row);

  return {
    tokenId: access.row.id,
    accessToken: access.value,
    tokenType: "Bearer",
    expiresIn,
    expiresAt: new Date(access.row.expiresAt),
    scope,
  };
}
