import { AppError } from "@/lib/base/errors.shared";
import { SETTINGS, SETTING_KEYS, toPolicy, type SettingKey } from "@/lib/engine/settings/definitions.shared";
import { accessTokenLifetime, refreshTokenLifetime } from "@/lib/engine/settings/token-lifetime.shared";
import { describe, expect, it } from "vitest";
import { validateSettings } from "./validate-settings.shared";

const defaults = Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as Record<SettingKey, string>;
const fieldErrors = (change: Parameters<typeof validateSettings>[1], opts = {}) => {
  try {
    validateSettings(defaults, change, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).fields;
  }
  throw new Error("expected a validation error");
};

describe("validateSettings", () => {
  it.each([
    ["non-numeric", "abc", "Enter a number of seconds."],
    ["negative", "-5", "Must be more than 0 seconds."],
    ["zero", "0", "Must be more than 0 seconds."],
    ["fractional seconds", "1.5", "Whole seconds only."],
    ["over 10 years", String(11 * 365 * 86400), "At most 10 years."],
    ["infinite", "Infinity", "Enter a number of seconds."],
  ])("refuses a %s lifetime with a field error", (_, value, message) => {
    expect(fieldErrors({ access_token_ttl: value })).toEqual({ access_token_ttl: [message] });
  });

  it("explains in one sentence why a refresh token cannot live forever", () => {
    for (const never of ["0", "-1"]) {
      expect(fieldErrors({ refresh_token_ttl: never })?.refresh_token_ttl?.[0]).toMatch(/^Refresh tokens always expire: .*forever\.$/);
    }
    expect(fieldErrors({ refresh_token_max_ttl: "never" })?.refresh_token_max_ttl?.[0]).toBe("Enter a number of seconds.");
  });

  it("keeps each default at or below its maximum", () => {
    expect(fieldErrors({ access_token_ttl: "7200", access_token_max_ttl: "3600" })).toEqual({
      access_token_ttl: ["Must not be above the maximum (1 hour)."],
    });
    expect(fieldErrors({ refresh_token_max_ttl: "3600" })).toEqual({ refresh_token_ttl: ["Must not be above the maximum (1 hour)."] });
  });

  it("reports every problem at once, not the first one only", () => {
    expect(fieldErrors({ access_token_ttl: "abc", refresh_token_ttl: "7200", refresh_token_max_ttl: "3600" })).toEqual({
      access_token_ttl: ["Enter a number of seconds."],
      refresh_token_ttl: ["Must not be above the maximum (1 hour)."],
    });
  });

  it("asks for confirmation of a refresh maximum over 90 days, and accepts it confirmed", () => {
    const long = String(120 * 86400);
    expect(fieldErrors({ refresh_token_max_ttl: long })?.refresh_token_max_ttl?.[0]).toMatch(/confirm/);
    expect(validateSettings(defaults, { refresh_token_max_ttl: long }, { confirmLongRefresh: true }).refresh_token_max_ttl).toBe(long);
  });

  it("normalises accepted values and refuses unknown keys", () => {
    expect(validateSettings(defaults, { access_token_ttl: " 600 ", app_overrides_allowed: true })).toMatchObject({
      access_token_ttl: "600",
      app_overrides_allowed: "true",
    });
    expect(Object.keys(fieldErrors({ forever: "1" } as never) ?? {})).toEqual(["forever"]);
  });
});

describe("token lifetimes", () => {
  const policy = toPolicy({ ...defaults, access_token_ttl: "600", access_token_max_ttl: "1200" });

  it("uses an application's own lifetime only while overrides are allowed, never above the maximum", () => {
    expect(accessTokenLifetime(policy, { appTtl: 900 })).toBe(600);
    const allowing = { ...policy, appOverridesAllowed: true };
    expect(accessTokenLifetime(allowing, { appTtl: 900 })).toBe(900);
    expect(accessTokenLifetime(allowing, { appTtl: 5000 })).toBe(1200);
  });

  it("lets one token be shorter, never longer", () => {
    expect(accessTokenLifetime(policy, { requested: 60 })).toBe(60);
    expect(() => accessTokenLifetime(policy, { requested: 601 })).toThrow(AppError);
    expect(() => accessTokenLifetime(policy, { requested: 0 })).toThrow(AppError);
  });

  it("gives refresh tokens a finite lifetime under the maximum", () => {
    expect(refreshTokenLifetime(policy)).toBe(14 * 86400);
    expect(refreshTokenLifetime({ ...policy, appOverridesAllowed: true, refreshTokenMaxTtl: 3600 }, { appTtl: 7200 })).toBe(3600);
  });
});
