import * as z from "zod";

// The notices and the feed are validated with the key manager's own contract (lib/base/contract.shared.ts).
// RFC 7662 §2.2: only `active` is required; exp (seconds) bounds how long we may cache.
export const introspectionSchema = z.looseObject({ active: z.boolean(), exp: z.number().optional() });
