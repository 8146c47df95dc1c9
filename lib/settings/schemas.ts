import { TEN_YEARS } from "@/lib/engine/settings/definitions.shared";
import * as z from "zod";

// Client-safe wire schemas for the admin settings API; the values themselves are checked by
// validateSettings(), which knows every rule between them.

export const updateSettingsSchema = z.object({
  change: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  confirmLongRefresh: z.boolean().default(false),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsSchema>;

export const tokenTypeSchema = z.enum(["access_token", "refresh_token"]);
export type TokenType = z.infer<typeof tokenTypeSchema>;

/** A new maximum to test (dry run) or to apply to the active tokens that would outlive it. */
export const shortenTokensSchema = z.object({
  type: tokenTypeSchema,
  maxTtl: z
    .number({ error: "Enter a number of seconds." })
    .int("Whole seconds only.")
    .positive("Must be more than 0 seconds.")
    .max(TEN_YEARS, "At most 10 years."),
});
export type ShortenTokensInput = z.input<typeof shortenTokensSchema>;

/** The dry run's answer: active tokens that would outlive the new maximum, by application. */
export type ShorteningPreview = { total: number; apps: { appId: string | null; name: string; count: number }[] }; // appId null: a client without an app (a gateway)
export type ShortenedTokens = { shortened: number };
