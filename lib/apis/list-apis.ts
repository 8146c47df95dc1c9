import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { can } from "@/lib/engine/identity/permissions.shared";
import { API_SUMMARY_SELECT, toApiSummary } from "./api-summary";
import type { ApiStatus, ApiSummary } from "./schemas.shared";

/** Every API version, grouped by name (versions of one API together), drafts and retired ones included, for admins. */
export async function listAllApis({ actor }: { actor: Actor }): Promise<ApiSummary[]> {
  assertCan(actor, "apis.manage");
  const rows = await db.api.findMany({ select: API_SUMMARY_SELECT, orderBy: [{ name: "asc" }, { version: "asc" }] });

  return rows.map(toApiSummary);
}

/** The subscriber's catalog: published and deprecated versions, searched by name, context or description. */
export async function listCatalog({ q = "", status }: { q?: string; status?: "published" | "deprecated" } = {}): Promise<ApiSummary[]> {
  const term = q.trim().slice(0, 100);
  const rows = await db.api.findMany({
    where: {
      status: status ? status : { in: ["published", "deprecated"] },
      ...(term ? { OR: [{ name: { contains: term } }, { context: { contains: term } }, { description: { contains: term } }] } : {}),
    },
    select: API_SUMMARY_SELECT,
    orderBy: [{ name: "asc" }, { version: "asc" }],
  });

  return rows.map(toApiSummary);
}

/** One API version a subscriber may see (not a draft), or any for whoever manages APIs; a draft is `not_found` to anyone else. */
export async function getApiOrThrow({ apiId, actor }: { apiId: string; actor: Actor }): Promise<ApiSummary & { openapi: string | null }> {
  const row = await db.api.findUnique({ where: { id: apiId }, select: API_SUMMARY_SELECT });
  if (!row || ((row.status as ApiStatus) === "draft" && !can(actor, "apis.manage"))) throw new AppError("not_found", "API not found.");

  return { ...toApiSummary(row), openapi: row.openapi };
}
