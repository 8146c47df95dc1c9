import { formatDuration } from "@/lib/base/duration.shared";
import { AppError } from "@/lib/base/errors.shared";
import { REFRESH_CEILING, SETTINGS, SETTING_KEYS, toPolicy, type SettingKey } from "@/lib/engine/settings/definitions.shared";

export type SettingsChange = Partial<Record<SettingKey, string | number | boolean>>;

/**
 * Validates a change against the current values as one whole: each value on its own, then the
 * rules between them (a default never above its maximum; a refresh maximum over 90 days only
 * when confirmed). Returns the normalised strings to store; throws AppError with field errors.
 */
export function validateSettings(current: Record<SettingKey, string>, change: SettingsChange, { confirmLongRefresh = false } = {}) {
  const fields: Record<string, string[]> = {};
  const next = { ...current };
  for (const [key, raw] of Object.entries(change)) {
    if (!SETTING_KEYS.includes(key as SettingKey)) {
      fields[key] = [`Unknown setting. Known: ${SETTING_KEYS.join(", ")}.`];
      continue;
    }
    const parsed = SETTINGS[key as SettingKey].schema.safeParse(typeof raw === "string" ? raw.trim() : raw);
    if (parsed.success) next[key as SettingKey] = String(parsed.data);
    else fields[key] = [parsed.error.issues[0].message];
  }
  // The rules between values, judged wherever both values are valid: every problem is reported at once.
  const p = toPolicy(next);
  const ok = (...keys: SettingKey[]) => keys.every((k) => !fields[k]);
  if (ok("access_token_ttl", "access_token_max_ttl") && p.accessTokenTtl > p.accessTokenMaxTtl) {
    fields.access_token_ttl = [`Must not be above the maximum (${formatDuration(p.accessTokenMaxTtl)}).`];
  }
  if (ok("refresh_token_ttl", "refresh_token_max_ttl") && p.refreshTokenTtl > p.refreshTokenMaxTtl) {
    fields.refresh_token_ttl = [`Must not be above the maximum (${formatDuration(p.refreshTokenMaxTtl)}).`];
  }
  // Judged when the TTL is set: a maximum lowered later only caps it (no answer outlives its token anyway).
  if (
    "validation_cache_ttl" in change &&
    ok("validation_cache_ttl", "access_token_max_ttl") &&
    Number(next.validation_cache_ttl) > p.accessTokenMaxTtl
  ) {
    fields.validation_cache_ttl = [`Must not be above the maximum access token lifetime (${formatDuration(p.accessTokenMaxTtl)}).`];
  }
  if (
    ok("refresh_token_max_ttl") &&
    p.refreshTokenMaxTtl > REFRESH_CEILING &&
    p.refreshTokenMaxTtl !== Number(current.refresh_token_max_ttl) &&
    !confirmLongRefresh
  ) {
    fields.refresh_token_max_ttl = ["Over 90 days: confirm that refresh tokens should live this long."];
  }
  if (Object.keys(fields).length > 0) {
    const [first] = Object.entries(fields);
    throw new AppError("bad_request", `${first[0]}: ${first[1][0]}`, fields);
  }

  return next;
}
