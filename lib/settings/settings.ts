import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { store } from "@/lib/store";
import { isSettingKey, SETTINGS, type SettingKey } from "./definitions";

/** The current value, read from the database each time so every instance sees a change at once. */
export async function getSetting(key: SettingKey): Promise<string> {
  return (await store().getSetting(key)) ?? SETTINGS[key].default;
}

export async function getAllSettings(): Promise<Record<SettingKey, string>> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.keys(SETTINGS) } } });
  const stored = new Map(rows.map((r) => [r.key, r.value]));

  return Object.fromEntries(
    Object.entries(SETTINGS).map(([key, def]) => [key, stored.get(key) ?? def.default]),
  ) as Record<SettingKey, string>;
}

/** Validates and stores a setting; returns the normalised value. Unknown keys and bad values throw bad_request. */
export async function setSetting(key: string, raw: string): Promise<string> {
  if (!isSettingKey(key)) throw new AppError("bad_request", `Unknown setting "${key}". Known: ${Object.keys(SETTINGS).join(", ")}.`);
  const parsed = SETTINGS[key].schema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request", `${key}: ${parsed.error.issues[0].message}`);
  const value = String(parsed.data);
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });

  return value;
}
