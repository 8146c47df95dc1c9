import { isLoopbackHost } from "@/lib/base/loopback.shared";
import type { TokenFormat } from "@/lib/base/token-format.shared";
import { TEN_YEARS } from "@/lib/engine/settings/definitions.shared";
import * as z from "zod";

// Client-safe: the forms and the route handlers validate with the same schemas.

function redirectUriProblem(raw: string): string | null {
  if (!URL.canParse(raw)) return "Enter an absolute URL, e.g. https://example.com/callback.";
  const url = new URL(raw);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname)))
    return "Use https://, or http:// only for localhost.";
  if (raw.includes("#")) return "A redirect URI cannot contain a fragment (#).";

  return null;
}

/** RFC 9700 §2.1: absolute https URLs without a fragment; plain http only for a loopback host (native/dev clients). */
export const redirectUriSchema = z
  .string()
  .trim()
  .max(2048, "Use at most 2048 characters.")
  .superRefine((raw, ctx) => {
    const problem = redirectUriProblem(raw);
    if (problem) ctx.addIssue({ code: "custom", message: `${raw}: ${problem}` });
  });

const nameSchema = z.string().trim().min(1, "Give the application a name.").max(80, "Use at most 80 characters.");
const descriptionSchema = z.string().trim().max(500, "Use at most 500 characters.");
const redirectUrisSchema = z
  .array(redirectUriSchema)
  .max(20, "Register at most 20 redirect URIs.")
  .transform((uris) => [...new Set(uris)]);

export const createAppSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.default(""),
  redirectUris: redirectUrisSchema.default([]),
  // A public client (a browser or native app that cannot keep a secret): no secret, authorization code + PKCE only.
  publicClient: z.boolean().default(false),
});
export type CreateAppInput = z.input<typeof createAppSchema>;

// An application's own token lifetime in seconds; null clears it (the admin's default applies).
const lifetimeSchema = z
  .number({ error: "Enter a number of seconds." })
  .int("Whole seconds only.")
  .positive("Must be more than 0 seconds.")
  .max(TEN_YEARS, "At most 10 years.")
  .nullable();

export const updateAppSchema = z
  .object({
    name: nameSchema,
    description: descriptionSchema,
    redirectUris: redirectUrisSchema,
    accessTokenTtl: lifetimeSchema,
    refreshTokenTtl: lifetimeSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");
export type UpdateAppInput = z.input<typeof updateAppSchema>;

export const deleteAppSchema = z.object({ confirmName: z.string() });
export type DeleteAppInput = z.input<typeof deleteAppSchema>;

// ttlSeconds: a shorter life for this one token; accessTokenLifetime() checks it against what the app may have.
export const generateTokenSchema = z.object({
  regenerate: z.boolean().default(false),
  ttlSeconds: z.number({ error: "Enter a number of seconds." }).optional(),
  note: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters.")
    .optional()
    .transform((n) => n || undefined),
});
export type GenerateTokenInput = z.input<typeof generateTokenSchema>;

export type AppSummary = {
  id: string;
  name: string;
  description: string;
  redirectUris: string[];
  accessTokenTtl: number | null; // seconds; the app's own lifetime, honoured while the admin allows overrides
  refreshTokenTtl: number | null;
  publicClient: boolean;
  grantTypes: string[];
  allowedScopes: string[] | null;
  tokenFormat: TokenFormat; // its access tokens: opaque (default) or RFC 9068 JWTs
  clientId: string;
  createdAt: string;
  updatedAt: string;
};

/** What a create returns: the only time the client secret is readable. */
export type CreatedApp = { app: AppSummary; clientId: string; clientSecret: string };
/** Why a public client is never given a secret; the Keys tab says it in place of "Regenerate secret". */
export const PUBLIC_CLIENT_HAS_NO_SECRET =
  "A public client has no secret: it identifies itself by its client ID and proves each authorization with PKCE.";

/** A public client has no secret at all. */
export type CreatedPublicApp = { app: AppSummary; clientId: string; clientSecret: null };

/** A privileged catalog scope on an application's page: granted (when) or not. */
export type AppScopeGrant = { name: string; description: string; grantedAt: string | null };

export const appScopeSchema = z.object({ scope: z.string().trim().min(1, "Choose a scope.").max(64) });
export type AppScopeInput = z.input<typeof appScopeSchema>;
