import type { Statement, Time } from "./dialect";
import type { CatalogEffect } from "./types";

/** The statement of one catalog effect (types.ts CatalogEffect): subscriptions, API lifecycle, settings. */
export function catalogStatement(effect: CatalogEffect, at: number, time: Time): Statement {
  const t = time(at);
  switch (effect.kind) {
    case "upsert_subscription": {
      const e = effect;
      if (e.isNew)
        return {
          sql: `INSERT INTO subscriptions (id, app_id, api_id, tier_id, requested_tier_id, status, reason, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          params: [e.subscriptionId, e.appId, e.apiId, e.tierId, e.requestedTierId, e.status, e.reason, t, t],
        };

      return {
        sql: "UPDATE subscriptions SET tier_id = ?, requested_tier_id = ?, status = ?, reason = ?, updated_at = ? WHERE id = ?",
        params: [e.tierId, e.requestedTierId, e.status, e.reason, t, e.subscriptionId],
      };
    }
    case "delete_subscription":
      return { sql: "DELETE FROM subscriptions WHERE id = ?", params: [effect.subscriptionId] };
    case "set_api_status":
      return { sql: "UPDATE apis SET status = ?, updated_at = ? WHERE id = ?", params: [effect.status, t, effect.apiId] };
    case "set_api_backend_jwt": // a word, not a boolean: the engines bind booleans differently
      return {
        sql: "UPDATE apis SET backend_jwt = CASE ? WHEN 'on' THEN true WHEN 'off' THEN false ELSE NULL END, updated_at = ? WHERE id = ?",
        params: [effect.backendJwt, t, effect.apiId],
      };
    case "set_setting":
      return {
        sql: "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params: [effect.key, effect.value, t],
      };
  }
}
