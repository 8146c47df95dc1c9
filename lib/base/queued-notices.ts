// What a committed change leaves for its door to send: plain shapes, so the OAuth errors that carry
// them (base) and the store that queues them (data) share one definition.

export type TokenType = "access_token" | "refresh_token";

/** A token whose validity changed: revoked, or its expiry moved earlier. */
export type ChangedToken = { id: string; hash: string; type: TokenType; clientId: string; expiresAt: number };

/** Notices a transaction queued: the door that committed it flushes them (lib/engine/notices/flush-notices.ts). */
export type QueuedNotices = {
  sequences: number[]; // events that have deliveries waiting
  revoked: ChangedToken[]; // the tokens these events revoke (the race re-send checks them)
  gatewayId?: string; // only this gateway's deliveries (a redelivery)
};
