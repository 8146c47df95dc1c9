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
  appAccessTokenTtl: number | null; // the application's own lifetime, if it set one
  disabled: boolean;
  secrets: ClientSecretRow[]; // only secrets not revoked; expiry is checked by the caller
};

/** Which tokens a revocation covers. Only tokens not yet revoked are touched. */
export type RevokeSelector = { tokenId: string } | { grantId: string } | { clientId: string; type?: TokenType; activeAt?: number };

export type Revocation = { at: number; by: string; reason: string };

/** The audit-trail row written in the same transaction as a revocation that changed something. */
export type RevocationAudit = { appId: string | null; actorId: string | null; ip: string | null };

export type RevokedToken = { id: string; hash: string; type: TokenType; clientId: string; expiresAt: number };

export type NoticeType = "token.revoked" | "token.updated";

/** Expired tokens, revoked tokens that have expired too (the feed owes nothing for them), and events nobody is owed. */
export type PurgeKind = "expired_tokens" | "revoked_tokens" | "events";

/** Notices queued for every enabled gateway: the events (≤ 500 tokens each) that have a delivery to send. */
export type QueuedNotices = { sequences: number[] };

/** One event owed to one gateway, with what it takes to sign and send it. */
export type PendingDelivery = {
  sequence: number;
  eventId: string;
  type: NoticeType;
  tokens: string; // JSON array, exactly as it goes on the wire
  createdAt: number;
  gatewayId: string;
  revokeUrl: string;
  signingSecret: string; // encrypted
  previousSigningSecret: string | null; // encrypted; signs too until previousSecretExpiresAt
  previousSecretExpiresAt: number | null;
  attempts: number;
  giveUpAt: number;
};

/** The outcome of one attempt, as it is written back. */
export type DeliveryAttempt = {
  sequence: number;
  gatewayId: string;
  at: number;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: number;
  httpStatus: number | null;
  error: string | null;
};

export type HotStore = {
  findClient(clientId: string): Promise<ClientAuthRow | null>;
  findTokenByHash(hash: string): Promise<TokenRow | null>;
  insertToken(token: NewToken): Promise<void>;
  /** Revokes, writes the audit row and queues gateway notices, all in one transaction. */
  revokeTokens(
    selector: RevokeSelector,
    revocation: Revocation,
    audit?: RevocationAudit,
  ): Promise<{ revoked: RevokedToken[] } & QueuedNotices>;
  /** Queues notices for tokens changed elsewhere (shortened expiry, a race re-send). */
  queueNotices(type: NoticeType, tokens: RevokedToken[], at: number): Promise<QueuedNotices>;
  /** The pending deliveries of events this process just queued (it holds their lease). */
  loadDeliveries(sequences: number[]): Promise<PendingDelivery[]>;
  /** Leases due deliveries so that no other worker sends them at the same time. */
  claimDueDeliveries(now: number, leaseMs: number, limit: number): Promise<PendingDelivery[]>;
  recordAttempts(attempts: DeliveryAttempt[]): Promise<void>;
  /** Every public setting (not the `internal.*` keys), as stored. */
  getSettings(): Promise<Record<string, string>>;
  /** Active tokens of a type whose lifetime exceeds `maxTtlMs`, counted by client. */
  countLongLived(type: TokenType, maxTtlMs: number, now: number): Promise<{ clientId: string; count: number }[]>;
  /** Caps those tokens' expiry at created + maxTtlMs (not before now) and queues token.updated notices, in one transaction. */
  shortenTokens(type: TokenType, maxTtlMs: number, now: number): Promise<{ tokens: RevokedToken[] } & QueuedNotices>;
  /** Deletes (or counts, with limit 0) up to `limit` dead rows of one kind; see lib/tokens/purge-tokens.ts. */
  purgeBatch(kind: PurgeKind, cutoff: number, now: number, limit: number): Promise<number>;
  countPurgeable(kind: PurgeKind, cutoff: number, now: number): Promise<number>;
  issuedPerDay(since: number): Promise<{ day: string; count: number }[]>;
  close(): Promise<void>;
};
