import { db } from "@/lib/data/db/client";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";

/** The scope catalog, with how many applications hold each privileged scope. */
export async function listScopes({ actor }: { actor: Actor }) {
  assertCan(actor, "scopes.manage");
  const scopes = await db.scope.findMany({
    select: { name: true, description: true, privileged: true, _count: { select: { grantedTo: true } } },
    orderBy: { name: "asc" },
  });

  return scopes.map(({ _count, ...s }) => ({ ...s, grantedTo: s.privileged ? _count.grantedTo : null }));
}
