import * as z from "zod";

// Wire shapes of the gateway notification contract (BRIEF.md) and of the catch-up feed.
export const revokedTokenSchema = z.object({
  token_hash: z.string().regex(/^[0-9a-f]{64}$/, "lowercase hex SHA-256"),
  token_type: z.string(),
  client_id: z.string(),
  expires_at: z.iso.datetime({ offset: true }),
});
export type RevokedToken = z.infer<typeof revokedTokenSchema>;

export const TOKEN_EVENT_TYPES = ["token.revoked", "token.updated"] as const;
export type TokenEventType = (typeof TOKEN_EVENT_TYPES)[number];

const tokenNotice = z.object({
  type: z.enum(TOKEN_EVENT_TYPES),
  timestamp: z.string(),
  data: z.object({ sequence: z.number().int().min(0), tokens: z.array(revokedTokenSchema).max(500) }),
});
// Pings and types added later carry no tokens we must act on; a sequence, if present, still counts.
const otherNotice = z.object({
  type: z.string().refine((t) => !(TOKEN_EVENT_TYPES as readonly string[]).includes(t), "token events must list tokens"),
  data: z.object({ sequence: z.number().int().min(0).optional() }).optional(),
});
export const noticeSchema = z.union([tokenNotice, otherNotice]);
export type Notice = z.infer<typeof noticeSchema>;
export const isTokenEventType = (t: string): t is TokenEventType => (TOKEN_EVENT_TYPES as readonly string[]).includes(t);
export const isTokenNotice = (n: Notice): n is z.infer<typeof tokenNotice> => isTokenEventType(n.type);

export const feedPageSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(), // a type added later must not wedge catch-up; only token events are applied
      sequence: z.number().int().min(0),
      timestamp: z.string(),
      tokens: z.array(revokedTokenSchema),
    }),
  ),
  next_after: z.number().int().min(0),
  has_more: z.boolean(),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

// RFC 7662 §2.2: only `active` is required; exp (seconds) bounds how long we may cache.
export const introspectionSchema = z.looseObject({ active: z.boolean(), exp: z.number().optional() });
