import type { CanaryRunSummary } from "@/lib/base/canary.shared";
import { isLoopbackHost } from "@/lib/base/loopback.shared";
import * as z from "zod";

// Client-safe: the admin form and the route handlers validate with the same schemas.

// The literal forms an admin could type; names that resolve there are refused at send time (assert-gateway-url.ts).
const LINK_LOCAL_HOST = /^(169\.254\.\d+\.\d+|\[fe[89ab][0-9a-f]?:.*\]|\[::ffff:169\.254\..*\]|metadata\.google\.internal\.?)$/i;

export const revokeUrlSchema = z
  .string()
  .trim()
  .max(2048, "Use at most 2048 characters.")
  .refine(
    (raw) => URL.canParse(raw) && ["http:", "https:"].includes(new URL(raw).protocol),
    "Enter an http(s) URL, e.g. https://gateway.example.com/portcullis/revoke.",
  )
  .refine(
    (raw) => !URL.canParse(raw) || (!new URL(raw).username && !new URL(raw).password),
    "Leave credentials out of the URL: notices are signed, and the URL is shown to every admin.",
  )
  .refine(
    (raw) => !URL.canParse(raw) || !LINK_LOCAL_HOST.test(new URL(raw).hostname),
    "Link-local and cloud metadata addresses cannot be gateways.",
  );

/** Plain http outside localhost is allowed (private networks) but worth a warning: notices are signed, not encrypted. */
export const revokeUrlWarning = (raw: string): string | null =>
  URL.canParse(raw) && new URL(raw).protocol === "http:" && !isLoopbackHost(new URL(raw).hostname)
    ? "Plain http: notices can be read on the way (they are signed, not encrypted). Prefer https."
    : null;

/**
 * A route through the gateway that needs a valid token (README, "Canary"): the reference gateway's
 * `/_gateway/canary`, or any route of another gateway that refuses a revoked token. Empty clears it.
 */
export const canaryUrlSchema = z
  .string()
  .trim()
  .max(2048, "Use at most 2048 characters.")
  .refine(
    (raw) => raw === "" || (URL.canParse(raw) && ["http:", "https:"].includes(new URL(raw).protocol)),
    "Enter an http(s) URL, e.g. https://gateway.example.com/_gateway/canary.",
  )
  .refine(
    (raw) => !URL.canParse(raw) || (!new URL(raw).username && !new URL(raw).password),
    "Leave credentials out of the URL: the canary sends its own token.",
  )
  .refine(
    (raw) => !URL.canParse(raw) || !LINK_LOCAL_HOST.test(new URL(raw).hostname),
    "Link-local and cloud metadata addresses cannot be gateways.",
  )
  .transform((raw) => (raw === "" ? null : raw))
  .nullable();

const nameSchema = z.string().trim().min(1, "Give the gateway a name.").max(80, "Use at most 80 characters.");
const environmentSchema = z.string().trim().min(1, "Name an environment, e.g. production.").max(40, "Use at most 40 characters.");

export const createGatewaySchema = z.object({
  name: nameSchema,
  environment: environmentSchema.default("production"),
  revokeUrl: revokeUrlSchema,
  canaryUrl: canaryUrlSchema.optional(),
});
export type CreateGatewayInput = z.input<typeof createGatewaySchema>;

export const updateGatewaySchema = z
  .object({
    name: nameSchema,
    environment: environmentSchema,
    revokeUrl: revokeUrlSchema,
    canaryUrl: canaryUrlSchema,
    enabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");
export type UpdateGatewayInput = z.input<typeof updateGatewaySchema>;

export const redeliverSchema = z.object({ sequence: z.number().int().positive().optional() });

export type GatewaySummary = {
  id: string;
  name: string;
  environment: string;
  revokeUrl: string;
  revokeUrlWarning: string | null;
  canaryUrl: string | null; // README, "Canary": without one, Verify is off
  clientId: string;
  enabled: boolean;
  createdAt: string;
  previousSecretExpiresAt: string | null;
};

/**
 * Where a gateway stands, from its heartbeats and deliveries (README, "Gateway states"). Times are ISO strings;
 * `answeredAt` is its newest acknowledgement of anything (a heartbeat or a notice).
 */
export type GatewayState =
  | { kind: "healthy"; answeredAt: string }
  | { kind: "awaiting"; since: string } // enabled, and not answered since: no heartbeat has reached it yet
  | { kind: "lagging"; answeredAt: string; late: number; lateSince: string; afterMs: number }
  | { kind: "unreachable"; since: string; answeredAt: string | null; error: string | null; pending: number; leaseSeconds: number }
  | { kind: "disabled"; held: number };

export type GatewayHealth = {
  state: GatewayState;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  pending: number;
  failed: number;
  latencyP50Ms: number | null; // revocation commit → acknowledgement, last hour
  latencyP99Ms: number | null;
  deliveredLastHour: number;
  canary: CanaryRunSummary | null; // the newest canary run
};
