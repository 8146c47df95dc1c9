import * as z from "zod";

export const SIGNING_ALGS = ["ES256", "RS256"] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];
export const DEFAULT_SIGNING_ALG: SigningAlg = "ES256";

/** Longest overlap accepted: a previous key published for at most 90 days after its replacement signs. */
export const MAX_OVERLAP_SECONDS = 90 * 24 * 3600;

// Client-safe: the rotate form, the route handler and the CLI share it. No overlap given: the
// access-token maximum lifetime, so every JWT the old key signed still verifies until it expires.
export const rotateKeySchema = z.object({
  alg: z.enum(SIGNING_ALGS, { error: "Choose ES256 or RS256." }).default(DEFAULT_SIGNING_ALG),
  overlapSeconds: z.coerce
    .number({ error: "Enter a number of seconds." })
    .refine(Number.isFinite, "Enter a number of seconds.")
    .int("Whole seconds only.")
    .min(0, "At least 0 seconds.")
    .max(MAX_OVERLAP_SECONDS, "At most 90 days.")
    .optional(),
});
export type RotateKeyInput = z.input<typeof rotateKeySchema>;

export type SigningKeyState = "next" | "current" | "previous" | "expired";
export type SigningKeySummary = {
  kid: string;
  alg: string;
  state: SigningKeyState;
  createdAt: string;
  activatesAt: string;
  expiresAt: string | null;
};
