import { AppError } from "@/lib/base/errors.shared";
import { store, type QueuedNotices } from "@/lib/data/store";
import { commitCatalogChange } from "@/lib/engine/changes/commit-catalog-change";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { backendJwtSchema, toBackendJwtChoice, type BackendJwtChoice } from "./schemas.shared";
import { servingSubscriptions } from "./serving-subscriptions";

type SetBackendJwtOptions = { apiId: string; backendJwt: BackendJwtChoice; actor: Actor };

/**
 * Turns JWT to the backend on or off for one API version (or back to the global default). Validation
 * info cached without (or with) a backend JWT is stale from then on: every application with an active
 * subscription gets a subscription.changed notice in the same transaction, so gateways drop it.
 */
export async function setBackendJwt({ apiId, actor, ...input }: SetBackendJwtOptions) {
  assertCan(actor, "apis.manage");
  const { backendJwt } = backendJwtSchema.parse(input);
  const api = await store().findApi({ id: apiId });
  if (!api) throw new AppError("not_found", "API not found.");
  const from = toBackendJwtChoice(api.backendJwt);
  if (from === backendJwt) return { backendJwt, notices: { sequences: [], revoked: [] } satisfies QueuedNotices };
  const notices = await commitCatalogChange({
    effects: [{ kind: "set_api_backend_jwt", apiId, backendJwt }],
    notify: await servingSubscriptions(apiId),
    events: [
      {
        appId: null,
        actor,
        action: "api.backend_jwt_changed",
        detail: { apiId, api: `${api.context}:${api.version}`, from, to: backendJwt },
      },
    ],
  });

  return { backendJwt, notices };
}
