import * as z from "zod";

// How long a replaced secret keeps working after a rotation — a client secret still authenticates,
// a gateway's signing secret still signs — so what uses it can switch without a gap. One option,
// one default for both: an overlap of an hour, unless "none" (the leak response) is asked for.
// Client-safe: the dialogs and the route handlers share it.

export const SECRET_OVERLAPS = { none: 0, "1h": 60 * 60, "24h": 24 * 60 * 60 } as const; // seconds
export type SecretOverlap = keyof typeof SECRET_OVERLAPS;
export const DEFAULT_OVERLAP: SecretOverlap = "1h";

export const secretOverlapSchema = z.enum(["none", "1h", "24h"]).default(DEFAULT_OVERLAP);
export const rotateSecretSchema = z.object({ overlap: secretOverlapSchema });
