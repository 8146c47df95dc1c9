import * as z from "zod";

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), space-delimited.
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
export const scopeSchema = z
  .string()
  .max(1024)
  .optional()
  .transform((raw) => [...new Set((raw ?? "").split(" ").filter(Boolean))]);
export const isValidScopeToken = (s: string) => SCOPE_TOKEN.test(s);

const required = (name: string) => z.string({ error: `${name} is required` }).min(1, `${name} is required`);
export const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({ grant_type: z.literal("client_credentials"), scope: scopeSchema }),
  z.object({
    grant_type: z.literal("authorization_code"),
    code: required("code"),
    redirect_uri: z.string().optional(),
    code_verifier: z.string().optional(),
  }),
  z.object({ grant_type: z.literal("refresh_token"), refresh_token: required("refresh_token"), scope: scopeSchema }),
  z.object({ grant_type: z.literal("password"), username: required("username"), password: required("password"), scope: scopeSchema }),
]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const revokeRequestSchema = z.object({ token: z.string().min(1, "token is required"), token_type_hint: z.string().optional() });
// Validation info per API (README, "Validation info per API"): a gateway that serves registered APIs names the API version it asks about.
export const introspectRequestSchema = revokeRequestSchema
  .extend({ api_context: z.string().min(1).optional(), api_version: z.string().min(1).optional() })
  .refine((p) => (p.api_context === undefined) === (p.api_version === undefined), "api_context and api_version go together");
