import * as z from "zod";

// Client-safe: the admin's revoke and re-approve requests name a token by its value or its id.
export const operatorChangeSchema = z
  .object({
    token: z.string().trim().max(256).optional(),
    tokenId: z.string().trim().max(64).optional(),
    cascade: z.boolean().default(true), // false: this token alone (refresh-only revocation keeps its access tokens working)
    reason: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  })
  .refine((v) => Boolean(v.token) !== Boolean(v.tokenId), { message: "Give the token or its id (one of them).", path: ["token"] });
export type OperatorChangeInput = z.input<typeof operatorChangeSchema>;

/** The target as the verbs take it. */
export const operatorTarget = (v: { token?: string; tokenId?: string }) => (v.token ? { token: v.token } : { tokenId: v.tokenId! });
