// What goes through the database driver directly (README, "The data-layer rule"): the key
// manager's hot paths, every token change with everything it implies, and the notice outbox.

import type { TokenChangeCause } from "@/lib/tokens/change-causes";

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
  clientUsable: boolean; // false once the client is disabled or its application deleted
};

export type NewToken = Omit<TokenRow, "clientUsable"> & { prefix: string; last4: string };

export type ClientSecretRow = { secretHash: string; expiresAt: number | null };

export type ClientAuthRow = {
  id: string;
  kind: "app" | "gateway";
  appId: string | null;
  ownerId: string | null;
  appAccessTokenTtl: number | null; // the application's own lifetime, if it set one
  disabled: boolean; // the client is disabled or its application deleted
  secrets: ClientSecretRow[]; // only secrets not revoked; expiry is checked by the caller
};

/** Which tokens a revocation covers. Only tokens not yet revoked are touched. */
export type TokenSelector =
  { tokenId: string } | { tokenIds: string[] } | { grantId: string } | { clientId: string; type?: TokenType; activeAt?: number };

/** A token whose validity changed: revoked, or its expiry moved earlier. */
export type ChangedToken = { id: string; hash: string; type: TokenType; clientId: string; expiresAt: number };

export type NoticeType = "token.revoked" | "token.updated";

/** What the cause itself changes, committed in the same transaction as its tokens. */
export type CauseEffect =
  | { kind: "delete_app"; appId: string; clientId: string } // soft-delete, disable the client, revoke its secrets
  | { kind: "replace_client_secrets"; clientId: string; secret: { secretHash: string; last4: string } }
  | { kind: "issue_token"; token: NewToken }; // regenerate: the new token commits with the revocation

/** One audit-trail row, as toAuditRow() in lib/audit/record-event.ts builds it. */
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
 * One cause of tokens becoming invalid (or shorter-lived): its own state change, the token
 * changes, the audit rows and the notices, committed in one transaction or not at all.
 */
export type TokenChange = {
  cause: TokenChangeCause;
  at: number;
  by: string; // shown in the tokens list: an email, "client:<client_id>" or "cli"
  effect?: CauseEffect;
  tokens: { revoke: TokenSelector } | { shorten: { type: TokenType; maxTtlMs: number } };
  /** The audit rows, built from what changed (called inside the transaction). */
  audit: (changed: ChangedToken[]) => AuditRow[];
};

/** Notices a transaction queued: the door that committed it flushes them (lib/notices/flush-notices.ts). */
export type QueuedNotices = {
  sequences: number[]; // events that have deliveries waiting, leased to this process
  revoked: ChangedToken[]; // the tokens these events revoke (the race re-send checks them)
  gatewayId?: string; // only this gateway's deliveries (a redelivery)
};

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
  attempts: number;
  giveUpAt: number;
  leaseUntil: number; // the lease this process sends under; its outcome is recorded only while it still holds it
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
  leaseUntil: number; // the lease it was sent under
};

export type DriverStore = {
  findClient(clientId: string): Promise<ClientAuthRow | null>;
  findTokenByHash(hash: string): Promise<TokenRow | null>;
  insertToken(token: NewToken): Promise<void>;
  /** Every public setting (not the `internal.*` keys), as stored: read on every issuance. */
  getSettings(): Promise<Record<string, string>>;
  /** Commits one cause: its effect, the token changes, the audit rows and the notices, in one transaction. */
  commitTokenChange(change: TokenChange): Promise<TokenChangeResult>;
  /** Queues notices for tokens already changed (the race re-send), in one transaction. */
  queueNotices(type: NoticeType, tokens: ChangedToken[], at: number): Promise<QueuedNotices>;
  /** Puts a gateway's failed deliveries back in the queue, leased to this process; returns their events. */
  requeueFailed(gatewayId: string, sequence: number | undefined, now: number, leaseMs: number): Promise<number[]>;
  /** The pending deliveries of events this process just queued (it holds their lease). */
  loadDeliveries(sequences: number[], gatewayId?: string): Promise<PendingDelivery[]>;
  /** Leases due deliveries so that no other worker sends them at the same time. */
  claimDueDeliveries(now: number, leaseMs: number, limit: number): Promise<PendingDelivery[]>;
  recordAttempts(attempts: DeliveryAttempt[]): Promise<void>;
  close(): Promise<void>;
};
