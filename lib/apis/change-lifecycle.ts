import { AppError } from "@/lib/base/errors.shared";
import { store, type QueuedNotices } from "@/lib/data/store";
import { commitCatalogChange } from "@/lib/engine/changes/commit-catalog-change";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { LIFECYCLE_TARGETS, type ApiStatus, type LifecycleAction } from "./schemas.shared";
import { servingSubscriptions } from "./serving-subscriptions";

// Forward only: draft → published → deprecated → retired (a draft may be retired too; retired is final).
const ALLOWED_FROM: Record<LifecycleAction, ApiStatus[]> = {
  publish: ["draft"],
  deprecate: ["published"],
  retire: ["draft", "published", "deprecated"],
};

/**
 * Moves an API version along its lifecycle. Retiring ends every subscription at once: each
 * application that held an active one gets a subscription.changed notice, in the same transaction.
 */
export async function changeApiLifecycle({
  apiId,
  action,
  actor,
}: {
  apiId: string;
  action: LifecycleAction;
  actor: Actor;
}): Promise<{ status: ApiStatus; notices: QueuedNotices }> {
  assertCan(actor, "apis.manage");
  const api = await store().findApi({ id: apiId });
  if (!api) throw new AppError("not_found", "API not found.");
  const status = LIFECYCLE_TARGETS[action];
  if (!ALLOWED_FROM[action].includes(api.status))
    throw new AppError("conflict", `A ${api.status} API cannot be ${status === "published" ? "published" : status}.`);
  const serving = action === "retire" ? await servingSubscriptions(apiId) : [];
  const notices = await commitCatalogChange({
    effects: [{ kind: "set_api_status", apiId, status }],
    notify: serving,
    events: [
      {
        appId: null,
        actor,
        action: `api.${status}` as "api.published" | "api.deprecated" | "api.retired",
        detail: { apiId, api: `${api.context}:${api.version}`, from: api.status, endedSubscriptions: serving.length },
      },
    ],
  });

  return { status, notices };
}
