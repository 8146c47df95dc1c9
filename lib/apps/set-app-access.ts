import { redirectUriSchema } from "@/lib/apps/schemas.shared";
import { AppError } from "@/lib/base/errors.shared";
import type { GrantType } from "@/lib/base/grant-types.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { assertGrantTypesFit } from "./assert-grant-types";

type SetAppAccessOptions = {
  clientId: string;
  grantTypes?: GrantType[];
  allowedScopes?: string[] | null; // null: any scope
  redirectUris?: string[];
  actor: Actor;
};

/**
 * An operator's change to what an application may do (CLI `apps update`): its grant types — the
 * legacy password grant is only ever enabled here —, the catalog scopes it is limited to, its
 * redirect URIs. Scopes must exist in the catalog.
 */
export async function setAppAccess({ clientId, grantTypes, allowedScopes, redirectUris, actor }: SetAppAccessOptions) {
  assertCan(actor, "apps.set_access");
  const client = await db.client.findUnique({
    where: { id: clientId },
    select: { app: { select: { id: true, publicClient: true, deletedAt: true } } },
  });
  const app = client?.app;
  if (!app || app.deletedAt) throw new AppError("not_found", `No application with client ${clientId}.`);
  if (grantTypes) assertGrantTypesFit(grantTypes, app.publicClient);
  if (allowedScopes) {
    const known = await db.scope.findMany({ where: { name: { in: allowedScopes } }, select: { name: true } });
    const unknown = allowedScopes.filter((s) => !known.some((k) => k.name === s));
    if (unknown.length > 0)
      throw new AppError("bad_request", `Not in the scope catalog: ${unknown.join(", ")}. Add them with scopes create.`);
  }
  const uris = redirectUris?.map((u) => redirectUriSchema.parse(u));
  const data = {
    ...(grantTypes ? { grantTypes: grantTypes.join(" ") } : {}),
    ...(allowedScopes !== undefined ? { allowedScopes: allowedScopes === null ? null : allowedScopes.join(" ") } : {}),
    ...(uris ? { redirectUris: JSON.stringify([...new Set(uris)]) } : {}),
  };
  if (Object.keys(data).length === 0) throw new AppError("bad_request", "Nothing to change.");

  return db.$transaction(async (tx) => {
    const updated = await tx.app.update({
      where: { id: app.id },
      data,
      select: { grantTypes: true, allowedScopes: true, redirectUris: true },
    });
    await recordAuditEvent({ appId: app.id, actor, action: "app.grant_types_changed", detail: data }, tx);

    return {
      grantTypes: updated.grantTypes.split(" "),
      allowedScopes: updated.allowedScopes === null ? null : updated.allowedScopes.split(" "),
      redirectUris: JSON.parse(updated.redirectUris) as string[],
    };
  });
}
