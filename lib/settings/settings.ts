import { recordAuditEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db/client";
import { store } from "@/lib/store";
import { SETTING_KEYS, SETTINGS, toPolicy, type SettingKey, type TokenPolicy } from "./definitions";
import { validateSettings, type SettingsChange } from "./validate-settings";

/** The token policy as stored now: one query, on every use, so every instance sees a change at once. */
export async function readTokenPolicy(): Promise<TokenPolicy> {
  return toPolicy(await store().getSettings());
}

/** Every setting as stored, defaults filled in. */
export async function getAllSettings(): Promise<Record<SettingKey, string>> {
  const stored = await store().getSettings();

  return Object.fromEntries(SETTING_KEYS.map((k) => [k, stored[k] ?? SETTINGS[k].default])) as Record<SettingKey, string>;
}

type UpdateSettingsOptions = {
  change: SettingsChange;
  actor: { id: string | null; email: string };
  ip?: string | null;
  confirmLongRefresh?: boolean;
};

/** Validates and stores a change; each changed key is audited with its old and new value. */
export async function updateSettings({
  change,
  actor,
  ip,
  confirmLongRefresh,
}: UpdateSettingsOptions): Promise<Record<SettingKey, string>> {
  const current = await getAllSettings();
  const next = validateSettings(current, change, { confirmLongRefresh });
  const changed = SETTING_KEYS.filter((k) => next[k] !== current[k]);
  await db.$transaction(async (tx) => {
    for (const key of changed) {
      await tx.setting.upsert({ where: { key }, create: { key, value: next[key] }, update: { value: next[key] } });
      await recordAuditEvent(
        {
          appId: null,
          actorId: actor.id,
          actor: actor.email,
          ip,
          action: "settings.updated",
          detail: { key, old: current[key], new: next[key] },
        },
        tx,
      );
    }
  });

  return next;
}
