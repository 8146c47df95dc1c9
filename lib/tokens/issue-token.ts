import { getSetting } from "@/lib/settings/settings";
import { store } from "@/lib/store";
import { randomUUID } from "node:crypto";
import { hashToken, randomSecret, TOKEN_PREFIX } from "./hash-token";

export type IssueTokenOptions = {
  clientId: string;
  subscriber: string | null; // owner of the client's application
  scope?: string[];
  ttlSeconds?: number; // a shorter life than the default for this one token
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

/** Issues an opaque access token (client_credentials: one token per grant). Only its hash is stored. */
export async function issueToken({ clientId, subscriber, scope = [], ttlSeconds, now = Date.now() }: IssueTokenOptions): Promise<IssuedToken> {
  const defaultTtl = Number(await getSetting("access_token_ttl"));
  const expiresIn = ttlSeconds === undefined ? defaultTtl : Math.min(ttlSeconds, defaultTtl);
  const accessToken = randomSecret(TOKEN_PREFIX.access_token);
  const tokenId = randomUUID();
  const expiresAt = now + expiresIn * 1000;
  await store().insertToken({
    id: tokenId,
    hash: hashToken(accessToken),
    prefix: TOKEN_PREFIX.access_token,
    last4: accessToken.slice(-4),
    type: "access_token",
    clientId,
    subscriber,
    grantId: tokenId,
    scope: scope.join(" "),
    createdAt: now,
    expiresAt,
    revokedAt: null,
  });

  return { tokenId, accessToken, tokenType: "Bearer", expiresIn, expiresAt: new Date(expiresAt), scope };
}
