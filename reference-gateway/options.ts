import * as z from "zod";
import { apiRouteSchema } from "./api-routes";

// Standard Webhooks secret: "whsec_" + base64 of at least 24 random bytes (README, "Gateways").
const signingSecret = z
  .string()
  .trim()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "must be whsec_ followed by base64")
  .refine((s) => Buffer.from(s.slice(6), "base64").length >= 24, "must carry at least 24 bytes of key");

const httpUrl = z.url({ protocol: /^https?$/ }).transform((s) => s.replace(/\/+$/, ""));

export const gatewayOptionsSchema = z
  .object({
    port: z.coerce.number().int().min(0).max(65535),
    host: z.string().min(1).default("127.0.0.1"),
    // Without APIs, every request goes here after token validation; with APIs, requests that match none.
    upstream: httpUrl.optional(),
    // Registered APIs: routed by context and version, validated per API, limited by the subscription's tier.
    apis: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(apiRouteSchema))
      .default([]),
    keyManager: httpUrl,
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    // A list during a rotation: a notice verifies if any secret matches.
    signingSecret: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(signingSecret).min(1, "at least one signing secret is required")),
    ttl: z.coerce.number().int().min(1).max(86_400).default(300),
    revokePath: z
      .string()
      .regex(/^\/[^?#\s]*$/, "must be a path starting with /")
      .default("/portcullis/revoke"),
    after: z.coerce.number().int().min(0).default(0),
    // JWT to the backend: the header the validation info's backend_jwt is forwarded in (RFC 9110 field name).
    jwtHeader: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "must be an HTTP header name")
      .transform((s) => s.toLowerCase())
      .default("x-jwt-assertion"),
    // RFC 9068 JWT access tokens verified here against the key manager's JWKS, not introspected.
    localJwt: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false),
    // README, "Heartbeat and lease": with no valid notice or heartbeat within the lease, introspect every request, or refuse (503).
    onStale: z.enum(["introspect", "refuse"]).default("introspect"),
    // Tier limits counted in Redis, shared by every gateway given the same URL and prefix; else in this process.
    rateLimitRedis: z.url({ protocol: /^rediss?$/ }).optional(),
    rateLimitPrefix: z
      .string()
      .regex(/^[A-Za-z0-9:._-]{1,100}$/, "must be 1 to 100 letters, digits or :._-")
      .default("portcullis:tier"),
    quiet: z.boolean().default(false),
    // Programmatic knobs (tests, benchmarks); the CLI keeps the defaults.
    negativeTtlMs: z.number().int().min(0).default(5_000),
    timeoutMs: z.number().int().min(1).default(5_000),
    backoff: z.object({ initialMs: z.number().int().min(1), maxMs: z.number().int().min(1) }).default({ initialMs: 500, maxMs: 30_000 }),
    maxCacheEntries: z.number().int().min(1).default(100_000),
    initialLeaseSeconds: z.number().int().min(1).default(30), // until the first heartbeat names the lease
  })
  .refine((o) => o.upstream !== undefined || o.apis.length > 0, {
    path: ["upstream"],
    message: "is required unless --api routes are given",
  });

export type GatewayInput = z.input<typeof gatewayOptionsSchema>;
export type GatewayOptions = z.output<typeof gatewayOptionsSchema>;

/** Readable one-line-per-problem message for a bad configuration, in the CLI's flag names. */
export function describeOptionsError(err: z.ZodError, input: Record<string, unknown> = {}): string {
  return err.issues
    .map((i) => {
      const key = String(i.path[0] ?? "options");
      const why = i.path.length === 1 && input[key] === undefined ? "is required (flag or environment variable)" : i.message;

      return `  --${kebab(key)}: ${why}`;
    })
    .join("\n");
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
