import * as z from "zod";

// An application's access tokens: opaque (`pcl_at_…`, the default) or RFC 9068 JWTs. Either way
// only the SHA-256 of the exact string is stored, so revocation, introspection and notices are the same.
// Client-safe: the forms, the route handlers and the CLI share it.
export const TOKEN_FORMATS = ["opaque", "jwt"] as const;
export type TokenFormat = (typeof TOKEN_FORMATS)[number];
export const tokenFormatSchema = z.enum(TOKEN_FORMATS, { error: "Choose opaque or jwt." });
export const updateTokenFormatSchema = z.object({ tokenFormat: tokenFormatSchema });

export const asTokenFormat = (stored: string | null | undefined): TokenFormat => (stored === "jwt" ? "jwt" : "opaque");
