import { subscriptionsFollowingBackendJwtDefault } from "@/lib/apis/serving-subscriptions";
import { store, type QueuedNotices } from "@/lib/data/store";
import { commitCatalogChange } from "@/lib/engine/changes/commit-catalog-change";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { SETTING_KEYS, SETTINGS, type SettingKey } from "@/lib/engine/settings/definitions.shared";
import { applyCommittedCacheSettings, isCacheSetting } from "@/lib/engine/validation-cache/cache-settings";
import { validateSettings, type SettingsChange } from "./validate-settings.shared";

/** Every setting as stored, defaults filled in. */
export async function getAllSettings({ actor }: { actor: Actor }): Promise<Record<SettingKey, string>> {
  assertCan(actor, "settings.manage");
  const stored = await store().getSettings();

  return Object.fromEntries(SETTING_KEYS.map((k) => [k, stored[k] ?? SETTINGS[k].default])) as Record<SettingKey, string>;
}

type UpdateSettingsOptions = {
  change: SettingsChange;
  actor: Actor;
  confirmLongRefresh?: boolean;
};

/**
 * Validates and stores a change; each changed key is audited with its old and new value. A new
 * `backend_jwt` default changes the validation info of every API that follows it: their active
 * subscriptions get a subscription.changed notice in the same transaction, for the caller's door to send.
 */
export async function updateSettings({
  change,
  actor,
  confirmLongRefresh,
}: UpdateSettingsOptions): Promise<{ settings: Record<SettingKey, string>; notices: QueuedNotices }> {
  assertCan(actor, "settings.manage");
  const current = await getAllSettings({ actor });
  const next = validateSettings(current, change, { confirmLongRefresh });
  const changed = SETTING_KEYS.filter((k) => next[k] !== current[k]);
  const notices = await commitCatalogChange({
    effects: changed.map((key) => ({ kind: "set_setting", key, value: next[key] })),
    notify: changed.includes("backend_jwt") ? await subscriptionsFollowingBackendJwtDefault() : [],
    events: changed.map((key) => ({
      appId: null,
      actor,
      action: "settings.updated",
      detail: { key, old: current[key], new: next[key] },
    })),
    announceSettings: changed.some(isCacheSetting),
  });
  applyCommittedCacheSettings(next);

  return { settings: next, notices };
}
