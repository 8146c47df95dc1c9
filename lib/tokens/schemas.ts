import * as z from "zod";

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), space-delimited.
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
export const scopeSchema = z
  .string()
  .max(1024)
  .optional()
  .transform((raw) => [...new Set((raw ?? "").split(" ").filter(Boolean))]);
export const isValidScopeToken = (s: string) => SCOPE_TOKEN.test(s);

export const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({ grant_type: z.literal("client_credentials"), scope: scopeSchema }),
]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const revokeRequestSchema = z.object({ token: z.string().min(1, "token is required"), token_type_hint: z.string().optional() });
export const introspectRequestSchema = revokeRequestSchema;
