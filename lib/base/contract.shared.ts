import * as z from "zod";

// The gateway notification contract (README, "Gateways") in one module: the notices the key
// manager signs and sends, the catch-up feed's entries, and the builders of both. The sender,
// the feed endpoint and the reference gateway all use these, so the three cannot drift.

export const MAX_TOKENS_PER_EVENT = 500; // a larger revocation is split into several events

export const TOKEN_EVENT_TYPES = ["token.revoked", "token.updated"] as const;
export type TokenEventType = (typeof TOKEN_EVENT_TYPES)[number];
export const isTokenEventType = (t: string): t is TokenEventType => (TOKEN_EVENT_TYPES as readonly string[]).includes(t);

export const wireTokenSchema = z.object({
  token_hash: z.string().regex(/^[0-9a-f]{64}$/, "lowercase hex SHA-256"),
  token_type: z.enum(["access_token", "refresh_token"]),
  client_id: z.string(),
  expires_at: z.iso.datetime({ offset: true }),
});
export type WireToken = z.infer<typeof wireTokenSchema>;

export const apiRefSchema = z.object({ context: z.string(), version: z.string() });

const sequence = z.number().int().min(0);

export const tokenNoticeSchema = z.object({
  type: z.enum(TOKEN_EVENT_TYPES),
  timestamp: z.string(),
  data: z.object({ sequence, tokens: z.array(wireTokenSchema).max(MAX_TOKENS_PER_EVENT) }),
});
export type TokenNotice = z.infer<typeof tokenNoticeSchema>;

export const subscriptionNoticeSchema = z.object({
  type: z.literal("subscription.changed"),
  timestamp: z.string(),
  data: z.object({ sequence, client_id: z.string(), api: apiRefSchema }),
});

// README, "Heartbeat and lease": sent to every enabled gateway every few seconds, signed like a notice under a
// fresh webhook-id each time, never stored or retried. `sequence` is the latest event's (0 before the first).
export const GATEWAY_HEARTBEAT = "gateway.heartbeat";
export const heartbeatNoticeSchema = z.object({
  type: z.literal(GATEWAY_HEARTBEAT),
  timestamp: z.string(),
  data: z.object({ sequence, lease_seconds: z.number().int().positive() }),
});
export type HeartbeatNotice = z.infer<typeof heartbeatNoticeSchema>;

// `gateway.ping` (a test notice) and types added later carry nothing to act on; a sequence, if present, still counts.
const otherNoticeSchema = z.object({
  type: z
    .string()
    .refine(
      (t) => !isTokenEventType(t) && t !== "subscription.changed" && t !== GATEWAY_HEARTBEAT,
      "known notice types must have their own shape",
    ),
  data: z.object({ sequence: sequence.optional() }).optional(),
});

export const noticeSchema = z.union([tokenNoticeSchema, subscriptionNoticeSchema, heartbeatNoticeSchema, otherNoticeSchema]);
export type Notice = z.infer<typeof noticeSchema>;
export const isTokenNotice = (n: Notice): n is TokenNotice => isTokenEventType(n.type);

/** One catch-up feed entry: the notice's id, type, sequence and timestamp, with its tokens (or client and API). */
export const feedEventSchema = z.object({
  id: z.string(),
  type: z.string(), // a type added later must not wedge catch-up; gateways skip what they do not know
  sequence,
  timestamp: z.string(),
  tokens: z.array(wireTokenSchema).optional(),
  client_id: z.string().optional(),
  api: apiRefSchema.optional(),
});
export type FeedEvent = z.infer<typeof feedEventSchema>;

export const feedPageSchema = z.object({ events: z.array(feedEventSchema), next_after: sequence, has_more: z.boolean() });
export type FeedPage = z.infer<typeof feedPageSchema>;

type TokenFacts = { hash: string; type: WireToken["token_type"]; clientId: string; expiresAt: number };

export const toWireToken = (t: TokenFacts): WireToken => ({
  token_hash: t.hash,
  token_type: t.type,
  client_id: t.clientId,
  expires_at: new Date(t.expiresAt).toISOString(),
});

/**
 * The exact body of a token notice; the same bytes on every retry. `tokensJson` is the event's
 * stored wire token list (see batchIntoEvents), spliced in as it is rather than parsed again.
 */
export const tokenNoticeBody = (e: { type: TokenEventType; createdAt: number; sequence: number; tokensJson: string }) =>
  `{"type":${JSON.stringify(e.type)},"timestamp":"${new Date(e.createdAt).toISOString()}","data":{"sequence":${e.sequence},"tokens":${e.tokensJson}}}`;

export const SUBSCRIPTION_CHANGED = "subscription.changed";
export type SubscriptionNotice = z.infer<typeof subscriptionNoticeSchema>;
export const isSubscriptionNotice = (n: Notice): n is SubscriptionNotice => n.type === SUBSCRIPTION_CHANGED;

/** The exact body of a subscription.changed notice; the same bytes on every retry. */
export const subscriptionNoticeBody = (e: { createdAt: number; sequence: number; clientId: string; api: z.infer<typeof apiRefSchema> }) =>
  JSON.stringify({
    type: SUBSCRIPTION_CHANGED,
    timestamp: new Date(e.createdAt).toISOString(),
    data: { sequence: e.sequence, client_id: e.clientId, api: { context: e.api.context, version: e.api.version } },
  });

export const isHeartbeatNotice = (n: Notice): n is HeartbeatNotice => n.type === GATEWAY_HEARTBEAT;

/** The body of one heartbeat: the latest event sequence and the lease, at `at`. */
export const heartbeatBody = (e: { at: number; sequence: number; leaseSeconds: number }) =>
  JSON.stringify({
    type: GATEWAY_HEARTBEAT,
    timestamp: new Date(e.at).toISOString(),
    data: { sequence: e.sequence, lease_seconds: e.leaseSeconds },
  });

// Validation info per API (README, "Validation info per API"): what introspection with `api_context` and `api_version` adds when active.
export const API_PARAMS = ["api_context", "api_version"] as const;

export const apiValidationSchema = z.object({
  api: z.object({ context: z.string(), version: z.string(), name: z.string() }),
  application: z.object({ id: z.string(), name: z.string() }),
  subscriber: z.string(),
  tier: z.object({
    name: z.string(),
    requests_per_minute: z.number().int().positive(),
    daily_quota: z.number().int().positive().nullable(),
  }),
  backend_jwt: z.string().optional(),
});
export type ApiValidation = z.infer<typeof apiValidationSchema>;
