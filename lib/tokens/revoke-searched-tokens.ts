import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import * as z from "zod";
import type { RevocationPreview } from "./token-search-query";

export const MAX_BULK = 500;
export const bulkRevokeSchema = z.object({
  tokenIds: z
    .array(z.string().min(1).max(100))
    .min(1, "Select at least one token.")
    .max(MAX_BULK, `Select at most ${MAX_BULK} tokens at once.`),
});

/** The active tokens a bulk revoke covers: each selected token and the rest of its grant. Unknown ids → not_found. */
async function activeTokensOf(tokenIds: string[], now: number) {
  const ids = [...new Set(tokenIds)];
  const selected = await db.token.findMany({ where: { id: { in: ids } }, select: { grantId: true } });
  if (selected.length !== ids.length) throw new AppError("not_found", "Some of the selected tokens were not found.");

  return db.token.findMany({
    where: { grantId: { in: [...new Set(selected.map((t) => t.grantId))] }, revokedAt: null, expiresAt: { gt: new Date(now) } },
    select: { id: true, clientId: true },
  });
}

type RevokeSearchedOptions = { tokenIds: string[]; actor: Actor; now?: number };

/** The blast radius of revoking the selected tokens: how many, in which applications, and which gateways will be told. */
export async function previewBulkRevoke({ tokenIds, actor, now = Date.now() }: RevokeSearchedOptions): Promise<RevocationPreview> {
  assertCan(actor, "tokens.oversee");
  const tokens = await activeTokensOf(bulkRevokeSchema.parse({ tokenIds }).tokenIds, now);
  const perClient = new Map<string, number>();
  for (const t of tokens) perClient.set(t.clientId, (perClient.get(t.clientId) ?? 0) + 1);
  const [clients, gateways] = await Promise.all([
    db.client.findMany({
      where: { id: { in: [...perClient.keys()] } },
      select: { id: true, app: { select: { id: true, name: true, owner: { select: { email: true } } } } },
    }),
    db.gateway.findMany({ orderBy: { name: "asc" }, select: { name: true, environment: true, disabledAt: true } }),
  ]);

  return {
    tokens: tokens.length,
    applications: clients
      .map((c) => ({
        id: c.app?.id ?? null,
        name: c.app?.name ?? c.id,
        ownerEmail: c.app?.owner.email ?? null,
        tokens: perClient.get(c.id)!,
      }))
      .sort((a, b) => b.tokens - a.tokens),
    gateways: gateways.map((g) => ({ name: g.name, environment: g.environment, enabled: g.disabledAt === null })),
  };
}

/** Admin → Tokens, "Revoke selected": the selected tokens of any applications and the rest of their grants, in one transaction. */
export async function revokeSearchedTokens({
  tokenIds,
  actor,
  now = Date.now(),
}: RevokeSearchedOptions): Promise<{ revoked: number; notices: QueuedNotices }> {
  assertCan(actor, "tokens.oversee");
  const tokens = await activeTokensOf(bulkRevokeSchema.parse({ tokenIds }).tokenIds, now);
  const { changed, notices } = await commitTokenChange({
    cause: "admin_bulk",
    tokens: { revoke: { tokenIds: tokens.map((t) => t.id) } },
    by: actorName(actor),
    actor,
    now,
  });

  return { revoked: changed.length, notices };
}
