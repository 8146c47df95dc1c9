import * as z from "zod";

// The settings every portal instance reads from the database on each use (values stored as
// strings), so a change applies from the next request on, everywhere, without a restart.

const DAY = 24 * 3600;
export const TEN_YEARS = 10 * 365 * DAY;
/** Longest refresh-token maximum accepted without an explicit confirmation (Apigee's anti-pattern: tokens for years). */
export const REFRESH_CEILING = 90 * DAY;

const seconds = z.coerce
  .number({ error: "Enter a number of seconds." })
  .refine(Number.isFinite, "Enter a number of seconds.")
  .int("Whole seconds only.")
  .positive("Must be more than 0 seconds.")
  .max(TEN_YEARS, "At most 10 years.");
const refreshSeconds = z.coerce
  .number({ error: "Enter a number of seconds." })
  .refine(Number.isFinite, "Enter a number of seconds.")
  .int("Whole seconds only.")
  .positive('Refresh tokens always expire: a lifetime of 0, a negative one or "never" would let a leaked token work forever.')
  .max(TEN_YEARS, "At most 10 years.");
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "Use true or false." });

export const SETTINGS = {
  access_token_ttl: { schema: seconds, default: "3600", label: "Default access token lifetime" }, // 1 h
  access_token_max_ttl: { schema: seconds, default: String(DAY), label: "Maximum access token lifetime" },
  refresh_token_ttl: { schema: refreshSeconds, default: String(14 * DAY), label: "Default refresh token lifetime" },
  refresh_token_max_ttl: { schema: refreshSeconds, default: String(30 * DAY), label: "Maximum refresh token lifetime" },
  app_overrides_allowed: { schema: flag, default: "false", label: "Applications may set their own lifetimes" },
  purge_grace_period: { schema: seconds, default: String(3 * DAY), label: "Keep dead tokens for" },
  // A lost refresh response's retry, accepted once within this window; 0 (the default) treats every second use as reuse.
  refresh_reuse_grace: {
    schema: z.coerce
      .number({ error: "Enter a number of seconds." })
      .int("Whole seconds only.")
      .min(0, "At least 0 seconds.")
      .max(60, "At most 60 seconds: longer would let a stolen refresh token race its owner."),
    default: "0",
    label: "Refresh token retry window",
  },
  // The key manager's validation cache (lib/engine/validation-cache): off by default; its TTL never above the access-token maximum.
  validation_cache: { schema: flag, default: "false", label: "Cache validation info in the key manager" },
  validation_cache_ttl: { schema: seconds, default: "300", label: "Validation cache TTL" },
  // JWT to the backend for every API that does not choose for itself (Admin → APIs, `apis update --backend-jwt`).
  backend_jwt: { schema: flag, default: "false", label: "JWT to the backend (default for APIs)" },
  // The scheduled gateway canary (README, "Canary"): every gateway with a canary URL, this often; 0 (the default) is off.
  canary_interval: {
    schema: z.coerce
      .number({ error: "Enter a number of seconds." })
      .int("Whole seconds only.")
      .min(0, "At least 0 seconds (0 is off).")
      .max(DAY, "At most a day.")
      .refine((v) => v === 0 || v >= 60, "At least 60 seconds, or 0 for off."),
    default: "0",
    label: "Gateway canary every",
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTINGS, key);

export type TokenPolicy = {
  accessTokenTtl: number;
  accessTokenMaxTtl: number;
  refreshTokenTtl: number;
  refreshTokenMaxTtl: number;
  appOverridesAllowed: boolean;
  purgeGracePeriod: number;
  refreshReuseGrace: number; // seconds
};

/** Stored strings (missing keys take their defaults) → the typed policy. */
export function toPolicy(stored: Partial<Record<string, string>>): TokenPolicy {
  const value = (key: SettingKey) => stored[key] ?? SETTINGS[key].default;

  return {
    accessTokenTtl: Number(value("access_token_ttl")),
    accessTokenMaxTtl: Number(value("access_token_max_ttl")),
    refreshTokenTtl: Number(value("refresh_token_ttl")),
    refreshTokenMaxTtl: Number(value("refresh_token_max_ttl")),
    appOverridesAllowed: value("app_overrides_allowed") === "true",
    purgeGracePeriod: Number(value("purge_grace_period")),
    refreshReuseGrace: Number(value("refresh_reuse_grace")),
  };
}
