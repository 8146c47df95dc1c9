import { NOT_A_NUMBER } from "@/lib/base/duration.shared";
import { SETTINGS, SETTING_KEYS, type SettingKey } from "@/lib/engine/settings/definitions.shared";
import { describe, expect, it } from "vitest";
import { DURATION_KEYS, loweredMaximums, readChange, toDurations } from "./policy-change";

const saved = Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as Record<SettingKey, string>;
const NEVER = /^Refresh tokens always expire: .+forever\.$/;

describe("the token policy form's change", () => {
  it("sends seconds for every lifetime and the overrides flag", () => {
    const durations = { ...toDurations(saved), access_token_ttl: { amount: "10", unit: "minutes" as const } };

    expect(readChange(durations, true)).toEqual({
      change: {
        ...Object.fromEntries(DURATION_KEYS.map((k) => [k, Number(saved[k])])),
        access_token_ttl: 600,
        app_overrides_allowed: true,
      },
      fields: {},
    });
  });

  it("explains in one sentence why a refresh lifetime cannot be never or empty", () => {
    const durations = {
      ...toDurations(saved),
      refresh_token_ttl: { amount: "never", unit: "days" as const },
      refresh_token_max_ttl: { amount: "", unit: "days" as const },
    };
    const { fields } = readChange(durations, false);

    expect(fields.refresh_token_ttl?.[0]).toMatch(NEVER);
    expect(fields.refresh_token_max_ttl?.[0]).toMatch(NEVER);
  });

  it("asks for a number where the amount is not one", () => {
    const durations = { ...toDurations(saved), access_token_max_ttl: { amount: "lots", unit: "hours" as const } };

    expect(readChange(durations, false).fields).toEqual({ access_token_max_ttl: [NOT_A_NUMBER] });
  });

  it("finds the lowered maximums, which need a dry run first", () => {
    const { change } = readChange({ ...toDurations(saved), access_token_max_ttl: { amount: "2", unit: "hours" } }, false);

    expect(loweredMaximums(saved, change)).toEqual([{ type: "access_token", maxTtl: 7200 }]);
    expect(loweredMaximums(saved, { ...change, access_token_max_ttl: 2 * 86_400, refresh_token_max_ttl: 86_400 })).toEqual([
      { type: "refresh_token", maxTtl: 86_400 },
    ]);
  });
});
