import * as z from "zod";

// The settings every portal instance reads from the database (values stored as strings).
// The admin UI for them arrives with the token-policy issue; the CLI sets them now.
const seconds = (max: number) =>
  z.coerce.number().int("Whole seconds only.").positive("Must be more than 0 seconds.").max(max, `At most ${max} seconds.`);
const TEN_YEARS = 10 * 365 * 24 * 3600;

export const SETTINGS = {
  access_token_ttl: { schema: seconds(TEN_YEARS), default: "3600" }, // 1 h
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTINGS, key);
