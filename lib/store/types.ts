// The few statements on the key manager's hot paths (token issue, introspection, revocation),
// run through the database driver directly: Prisma costs ~4× more CPU per lookup here.

export type TokenType = "access_token" | "refresh_token";

export type TokenRow = {
  id: string;
  hash: string;
  type: TokenType;
  clientId: string;
  subscriber: string | null;
  grantId: string;
  scope: string;
  createdAt: number; // epoch ms
  expiresAt: number;
  revokedAt: number | null;
};

export type NewToken = TokenRow & { prefix: string; last4: string };

export type ClientSecretRow = { secretHash: string; expiresAt: number | null };

export type ClientAuthRow = {
  id: string;
  kind: "app" | "gateway";
  appId: string | null;
  ownerId: string | null;
  disabled: boolean;
  secrets: ClientSecretRow[]; // only secrets not revoked; expiry is checked by the caller
};

/** Which tokens a revocation covers. Only tokens not yet revoked are touched. */
export type RevokeSelector =
  | { tokenId: string }
  | { grantId: string }
  | { clientId: string; type?: TokenType; activeAt?: number };

export type Revocation = { at: number; by: string; reason: string };

/** The audit-trail row written in the same transaction as a revocation that changed something. */
export type RevocationAudit = { appId: string | null; actorId: string | null; ip: string | null };

export type RevokedToken = { id: string; hash: string; type: TokenType; clientId: string; expiresAt: number };

export type HotStore = {
  findClient(clientId: string): Promise<ClientAuthRow | null>;
  findTokenByHash(hash: string): Promise<TokenRow | null>;
  insertToken(token: NewToken): Promise<void>;
  revokeTokens(selector: RevokeSelector, revocation: Revocation, audit?: RevocationAudit): Promise<RevokedToken[]>;
  getSetting(key: string): Promise<string | null>;
  close(): Promise<void>;
};
