// What goes through the database driver directly (README, "The data-layer rule"): the key
// manager's hot paths, every token change with everything it implies, catalog changes (subscriptions,
// API lifecycle, settings) with their notices, and the notice outbox.

import type { TokenFormat } from "@/lib/base/token-format.shared";

import type { ChangedToken, QueuedNotices, TokenType } from "@/lib/base/queued-notices";
import type { Dialect, Statement } from "./dialect";

export type { ChangedToken, Dialect, QueuedNotices, Statement, TokenType };

/** Last-used times and introspection counts gathered in memory (lib/engine/usage), written in one transaction. */
export type UsageBatch = {
  tokens: { id: string; at: number }[];
  secrets: { hash: string; at: number }[];
  introspections: { day: string; clientId: string; count: number }[];
};

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
  revokedReason: string | null;
  userId: string | null; // the person who authorized it (code and password grants)
  usable: boolean; // false once the client is disabled, its application deleted or the person it was issued for suspended
};

/** Where a token was issued: requested by its client, or generated for it in the portal or by the CLI. */
export type TokenSource = "token_endpoint" | "browser" | "cli" | "canary"; // canary: the gateway canary's own (README, "Canary")

export type NewToken = Omit<TokenRow, "usable" | "userId" | "revokedReason"> & {
  prefix: string;
  last4: string;
  userId?: string | null;
  issuedFrom?: string | null; // the refresh token whose rotation issued it
  source: TokenSource;
  note: string | null; // what it is for, typed when it was generated
};

export type ClientSecretRow = { secretHash: string; expiresAt: number | null };

export type ClientAuthRow = {
  id: string;
  kind: "app" | "gateway";
  appId: string | null;
  ownerId: string | null;
  appAccessTokenTtl: number | null; // the application's own lifetime, if it set one
  appRefreshTokenTtl: number | null;
  publicClient: boolean; // no secret: authorization code + PKCE only (token_endpoint_auth_method none)
  grantTypes: string[]; // the grant types the application may use
  allowedScopes: string[] | null; // null: any scope
  tokenFormat: TokenFormat; // the application's access tokens: opaque or RFC 9068 JWTs
  disabled: boolean; // the client is disabled, its application deleted or its owner suspended
  secrets: ClientSecretRow[]; // only secrets not revoked; expiry is checked by the caller
};

/** A catalog scope: open (any application may request it) or privileged (only those granted it). */
export type CatalogScope = { name: string; privileged: boolean; granted: boolean };

export type AuthorizationCodeRow = {
  hash: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  grantId: string;
  expiresAt: number;
  usedAt: number | null;
  userSuspended: boolean; // the person who approved it has been suspended since
};

export type NoticeType = "token.revoked" | "token.updated" | "subscription.changed";

export type ApiRef = { context: string; version: string };
export type ApiStatus = "draft" | "published" | "deprecated" | "retired";
export type SubscriptionStatus = "pending" | "active" | "blocked" | "rejected";

/** What a catalog change writes, in order (catalog-sql.ts catalogStatement). */
export type CatalogEffect =
  | {
      kind: "upsert_subscription";
      subscriptionId: string;
      appId: string;
      apiId: string;
      tierId: string;
      requestedTierId: string | null;
      status: SubscriptionStatus;
      reason: string | null;
      isNew: boolean;
    }
  | { kind: "delete_subscription"; subscriptionId: string }
  | { kind: "set_api_status"; apiId: string; status: ApiStatus }
  | { kind: "set_api_backend_jwt"; apiId: string; backendJwt: "on" | "off" | "default" }
  | { kind: "set_setting"; key: string; value: string }; // e.g. backend_jwt, the default of every API that has not chosen

/**
 * A change to the API catalog and what governs access to it — subscriptions, an API's lifecycle or
 * backend-JWT choice, the portal's settings: its writes, the audit rows and one subscription.changed
 * notice per (client, API) whose cached validation info gateways must drop.
 */
export type CatalogChange = {
  at: number;
  effects: CatalogEffect[];
  notify: { clientId: string; api: ApiRef }[];
  audit: AuditRow[];
  /** PostgreSQL: tell the other instances at commit that a setting they keep in memory changed (SQLite's one server sees data_version). */
  announceSettings?: boolean;
};

/** The token, its application and, when the API exists, the application's subscription and tier: one indexed lookup. */
export type TokenForApiRow = TokenRow & {
  appId: string | null;
  appName: string | null;
  ownerId: string | null;
  api: { name: string; status: ApiStatus; backendJwt: boolean } | null; // backendJwt: the API's choice, else the global default
  subscription: { status: SubscriptionStatus; tierName: string; requestsPerMinute: number; dailyQuota: number | null } | null;
};

/** One audit-trail row, as toAuditRow() in lib/engine/audit/audit-row.ts builds it. */
export type AuditRow = {
  id: string;
  appId: string | null;
  actorId: string | null;
  actor: string;
  action: string;
  detail: string; // JSON
  ip: string | null;
  createdAt: number;
};

/**
 * One cause of tokens becoming invalid (or shorter-lived), as statements its owner built
 * (lib/engine/changes): the token statement, the cause's own state change, the audit rows and
 * the notices, committed in one transaction or not at all. The store knows no cause.
 */
export type TokenChange = {
  at: number;
  /** Changes the tokens, RETURNING_CHANGED (token-change-sql.ts); its changes are announced as `notice`. */
  tokens: Statement & { notice: "token.revoked" | "token.updated"; keyed?: KeyedRevocation };
  /** The cause's own statements, run after the token statement and given what it changed. */
  effect: (changed: ChangedToken[]) => Statement[];
  /** The audit rows, built from what changed (called inside the transaction). */
  audit: (changed: ChangedToken[]) => AuditRow[];
};

/**
 * The same revocation as the token statement says, by one key: PostgreSQL revokes a batch's keyed
 * revocations in one statement instead of a round trip each (the RFC 7009 door's, by grant).
 */
export type KeyedRevocation = { column: "id" | "grant_id"; key: string; by: string; reason: string } | GrantOfTokenRevocation;
/** The grant of `clientId`'s token whose hash is `key`, while that token is not revoked (RFC 7009, without a read first). */
type GrantOfTokenRevocation = { column: "grant_of_hash"; key: string; clientId: string; by: string; reason: string };

export type TokenChangeResult = { changed: ChangedToken[]; notices: QueuedNotices };

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
  subscription: { clientId: string; api: ApiRef } | null; // subscription.changed: what it is about
  attempts: number;
  leaseUntil: number; // the lease it was claimed under, on the database's clock: its outcome is recorded only while still held
  sendBy: number; // on this process's clock: an attempt that could not finish before then is not started
};

/** The outcome of one attempt, as it is written back; the database decides, on its own clock, whether it was the last. */
export type DeliveryAttempt = {
  sequence: number;
  gatewayId: string;
  ok: boolean;
  attempts: number; // counting this one
  retryInMs: number; // when not ok: the backoff before the next attempt
  httpStatus: number | null;
  error: string | null;
  leaseUntil: number; // the lease it was sent under
};

/** A token an operator names (by its hash, from the raw token, or by its id), with its client's application. */
export type TokenTargetRow = { id: string; grantId: string; clientId: string; type: TokenType; appId: string | null };

/** An application as a change to it needs it: its owner (who may act), its client (made with it), whether it is deleted. */
export type AppRow = { id: string; name: string; ownerId: string; clientId: string; deletedAt: number | null };

export type UserRow = { id: string; email: string; role: string; suspendedAt: number | null };

/** One API version as a change to it or its subscriptions needs it; backendJwt null: it follows the global default. */
export type ApiRow = {
  id: string;
  name: string;
  context: string;
  version: string;
  status: ApiStatus;
  approvalRequired: boolean;
  backendJwt: boolean | null;
};

/** A subscription with its application (and client) and its API with the tiers it offers. */
export type SubscriptionRow = {
  id: string;
  status: SubscriptionStatus;
  tierId: string;
  requestedTierId: string | null;
  app: AppRow;
  api: Omit<ApiRow, "backendJwt"> & { tiers: { id: string; name: string }[] };
};

/**
 * The reads a token or catalog change's verb makes before it commits (who may act, what to change,
 * whom to tell), so that a door committing one — the CLI above all — never starts Prisma.
 */
export type Lookups = {
  findTokenTarget(by: { hash: string } | { id: string }): Promise<TokenTargetRow | null>;
  findApp(by: { id: string } | { clientId: string }): Promise<AppRow | null>;
  findUser(by: { id: string } | { email: string }): Promise<UserRow | null>;
  /** Admins who can sign in, other than this user. */
  countActiveAdmins(besides: string): Promise<number>;
  findApi(by: { id: string } | ApiRef): Promise<ApiRow | null>;
  findSubscription(by: { id: string } | { appId: string; apiId: string }): Promise<SubscriptionRow | null>;
  /** The (client, API) pairs of active subscriptions to one API version, or to every version that follows the backend_jwt default. */
  listActiveSubscriptions(of: { apiId: string } | { followingBackendJwtDefault: true }): Promise<{ clientId: string; api: ApiRef }[]>;
  /** Gateways' names by id (what the CLI reports acknowledgements under); unknown ids are left out. */
  gatewayNames(ids: string[]): Promise<Map<string, string>>;
};

export type DriverStore = Lookups & {
  /** How statements built above the store are written for its engine (lib/data/store/dialect.ts). */
  dialect: Dialect;
  findClient(clientId: string): Promise<ClientAuthRow | null>;
  findTokenByHash(hash: string): Promise<TokenRow | null>;
  /** findTokenByHash with the validation info for one API version (introspection with api_context/api_version). */
  findTokenForApi(hash: string, api: ApiRef): Promise<TokenForApiRow | null>;
  /** One token, with the audit rows that name it (a generated token's) in the same transaction. */
  insertToken(token: NewToken, audit?: AuditRow[]): Promise<void>;
  /** Several tokens of one grant (an access and a refresh token), all or none. */
  insertTokens(tokens: NewToken[]): Promise<void>;
  /** An authorization code by hash, used or not (a used one means a replay), with whether its person is suspended. */
  findCode(hash: string): Promise<AuthorizationCodeRow | null>;
  /** Marks the code used and stores what its exchange issues (none: a failed exchange consumes it), in one transaction; false if it was already used. */
  redeemCode(hash: string, at: number, tokens: NewToken[]): Promise<boolean>;
  /** The scope catalog's names (the metadata's scopes_supported). */
  listScopeNames(): Promise<string[]>;
  /** The scope catalog as one application sees it: which scopes are privileged, and which of those it was granted. */
  listScopesFor(appId: string): Promise<CatalogScope[]>;
  /** Every public setting (not the `internal.*` keys), as stored: read on every issuance. */
  getSettings(): Promise<Record<string, string>>;
  /** Commits one cause: its effect, the token changes, the audit rows and the notices, in one transaction. */
  commitTokenChange(change: TokenChange): Promise<TokenChangeResult>;
  /** Commits a catalog change (subscriptions, API lifecycle, settings) with its audit rows and subscription.changed notices. */
  commitCatalogChange(change: CatalogChange): Promise<QueuedNotices>;
  /**
   * Queues `token.revoked` once more for tokens already revoked (the race re-send), due after `delayMs`,
   * in one transaction; the tokens keep pointing at their first announcement.
   */
  queueResend(tokens: ChangedToken[], delayMs: number): Promise<QueuedNotices>;
  /** Puts a gateway's failed deliveries back in the queue, due now; returns their events. */
  requeueFailed(gatewayId: string, sequence: number | undefined): Promise<number[]>;
  /** Claims the due deliveries of these events, like any other claim: the door's first attempt. */
  claimQueued(sequences: number[], gatewayId: string | undefined, leaseMs: number): Promise<PendingDelivery[]>;
  /** Leases due deliveries so that no other worker sends them at the same time. */
  claimDueDeliveries(leaseMs: number, limit: number): Promise<PendingDelivery[]>;
  recordAttempts(attempts: DeliveryAttempt[]): Promise<void>;
  /** Writes a batch of last-used times and introspection counts (lib/engine/usage), in one transaction. */
  recordUsage(batch: UsageBatch): Promise<void>;
  close(): Promise<void>;
};
