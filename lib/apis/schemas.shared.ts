import * as z from "zod";

// Client-safe: the admin forms, the routes and the CLI validate with the same schemas.

export const API_STATUSES = ["draft", "published", "deprecated", "retired"] as const;
export type ApiStatus = (typeof API_STATUSES)[number];
/** Lifecycle moves an admin may make: forward only, and retired is final. */
export const LIFECYCLE_TARGETS = { publish: "published", deprecate: "deprecated", retire: "retired" } as const;
export type LifecycleAction = keyof typeof LIFECYCLE_TARGETS;

const SEGMENT = "[A-Za-z0-9._~-]+";
export const contextSchema = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters.")
  .regex(new RegExp(`^(/${SEGMENT})+$`), "Enter a path such as /weather (letters, digits, . _ ~ -, no trailing slash).");
export const versionSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, "Enter a version such as v1 (letters, digits, . _ -).");

// One schema, no union: a union that fails reports a bare "Invalid input" instead of its branch's message.
const gatewayUrlSchema = z
  .string()
  .trim()
  .max(2048, "Use at most 2048 characters.")
  .superRefine((raw, ctx) => {
    if (raw === "") return; // no gateway yet
    if (!/^[a-z][a-z\d+.-]*:\/\//i.test(raw)) ctx.addIssue({ code: "custom", message: "Include the scheme, e.g. https://gw.example.com." });
    else if (!URL.canParse(raw) || !["http:", "https:"].includes(new URL(raw).protocol))
      ctx.addIssue({ code: "custom", message: "Enter an http(s) URL, e.g. https://gw.example.com." });
  })
  .transform((raw) => (raw === "" ? undefined : raw.replace(/\/+$/, "")));

const tierNameSchema = z.string().trim().min(1, "Name the tier.").max(40, "Use at most 40 characters.");

export const createApiSchema = z.object({
  name: z.string().trim().min(1, "Give the API a name.").max(80, "Use at most 80 characters."),
  context: contextSchema,
  version: versionSchema,
  description: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  openapi: z.string().max(1_000_000, "The document is over 1 MB.").optional(),
  gatewayUrl: gatewayUrlSchema.optional(),
  tiers: z.array(tierNameSchema).min(1, "Offer at least one tier.").max(20),
  approvalRequired: z.boolean().default(false),
});
export type CreateApiInput = z.input<typeof createApiSchema>;

export const lifecycleSchema = z.object({ action: z.enum(["publish", "deprecate", "retire"]) });

const positiveInt = (what: string, unit: string) =>
  z.coerce
    .number({ error: `A whole number of ${unit}.` })
    .int(`A whole number of ${unit}.`)
    .positive(`The ${what} must be above zero.`);

export const createTierSchema = z.object({
  name: tierNameSchema,
  requestsPerMinute: positiveInt("requests per minute", "requests per minute"),
  // Blank or absent: no daily quota. Not a union, whose failure would say only "Invalid input".
  dailyQuota: z
    .preprocess((raw: number | string | null) => (raw === "" ? null : raw), positiveInt("daily quota", "requests a day").nullable())
    .optional()
    .transform((quota) => quota ?? null),
});
export type CreateTierInput = z.input<typeof createTierSchema>;

/** "C:V", as the CLI names an API version, e.g. /weather:v1. */
export const apiRefSchema = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const at = raw.lastIndexOf(":");
    const parsed = z
      .object({ context: contextSchema, version: versionSchema })
      .safeParse({ context: raw.slice(0, at), version: raw.slice(at + 1) });
    if (at < 0 || !parsed.success) {
      ctx.addIssue({ code: "custom", message: "Name the API as CONTEXT:VERSION, e.g. /weather:v1." });
      return z.NEVER;
    }

    return parsed.data;
  });

export type TierSummary = { id: string; name: string; requestsPerMinute: number; dailyQuota: number | null };

export type ApiSummary = {
  id: string;
  name: string;
  context: string;
  version: string;
  description: string;
  gatewayUrl: string | null;
  approvalRequired: boolean;
  status: ApiStatus;
  hasOpenapi: boolean;
  tiers: TierSummary[];
  backendJwt: BackendJwtChoice;
  createdAt: string;
};

// JWT to the backend per API version: on, off, or whatever the global default (`backend_jwt`) says.
export const BACKEND_JWT_CHOICES = ["default", "on", "off"] as const;
export type BackendJwtChoice = (typeof BACKEND_JWT_CHOICES)[number];
export const backendJwtSchema = z.object({ backendJwt: z.enum(BACKEND_JWT_CHOICES, { error: "Choose default, on or off." }) });
export const toBackendJwtChoice = (stored: boolean | null): BackendJwtChoice => (stored === null ? "default" : stored ? "on" : "off");
