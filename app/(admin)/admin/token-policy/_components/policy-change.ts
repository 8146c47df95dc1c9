import { fromSeconds, NOT_A_NUMBER, toSeconds, type Duration } from "@/lib/base/duration.shared";
import type { Settings } from "@/lib/client/settings/queries";
import { SETTINGS, type SettingKey } from "@/lib/engine/settings/definitions.shared";
import type { TokenType } from "@/lib/settings/schemas";
import type { SettingsChange } from "@/lib/settings/validate-settings.shared";

export const DURATION_KEYS = [
  "access_token_ttl",
  "access_token_max_ttl",
  "refresh_token_ttl",
  "refresh_token_max_ttl",
  "purge_grace_period",
  "refresh_reuse_grace",
] as const;
export type DurationKey = (typeof DURATION_KEYS)[number];
export type Durations = Record<DurationKey, Duration>;

export const toDurations = (settings: Settings) =>
  Object.fromEntries(DURATION_KEYS.map((k) => [k, fromSeconds(Number(settings[k]))])) as Durations;

// The schema's own sentence, so the form and the API explain a refused refresh lifetime the same way.
const REFRESH_NEVER = SETTINGS.refresh_token_ttl.schema.safeParse(0).error?.issues[0]?.message ?? "Refresh tokens always expire.";
const isRefresh = (key: SettingKey) => key.startsWith("refresh_");

/** What the form holds → the change to send, or the field errors that need no server to find. */
export function readChange(durations: Durations, overrides: boolean): { change: SettingsChange; fields: Record<string, string[]> } {
  const change: SettingsChange = { app_overrides_allowed: overrides };
  const fields: Record<string, string[]> = {};
  for (const key of DURATION_KEYS) {
    const seconds = toSeconds(durations[key]);
    const never = isRefresh(key) && /never|forever|infinit|unlimited|∞/i.test(durations[key].amount);
    if (never) fields[key] = [REFRESH_NEVER];
    else if (seconds === null) fields[key] = [isRefresh(key) ? REFRESH_NEVER : "Enter a lifetime."];
    else if (Number.isNaN(seconds)) fields[key] = [NOT_A_NUMBER];
    else change[key] = seconds;
  }

  return { change, fields };
}

/** The maximums this change lowers: each needs a dry run before it is saved. */
export function loweredMaximums(saved: Settings, change: SettingsChange): { type: TokenType; maxTtl: number }[] {
  return (["access_token", "refresh_token"] as const).flatMap((type) => {
    const next = Number(change[`${type}_max_ttl`]);

    return next < Number(saved[`${type}_max_ttl`]) ? [{ type, maxTtl: next }] : [];
  });
}
