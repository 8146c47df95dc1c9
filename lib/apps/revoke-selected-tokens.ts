import { db } from "@/lib/data/db/client";
import type { QueuedNotices } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { actorName, type Actor } from "@/lib/engine/identity/actor.shared";
import * as z from "zod";
import { getAppTokensOrThrow } from "./get-app-tokens-or-throw";

export const MAX_SELECTED = 500;
export const revokeSelectedSchema = z.object({
  tokenIds: z
    .array(z.string().min(1).max(100))
    .min(1, "Select at least one token.")
    .max(MAX_SELECTED, `Select at most ${MAX_SELECTED} tokens at once.`),
});

type RevokeSelectedOptions = { appId: string; tokenIds: string[]; actor: Actor; now?: number };

/**
 * "Revoke selected" in the tokens list: each selected token and the rest of its grant (as "Revoke" does),
 * in one transaction with one audit row and its notices. Any id that is not a token of this application
 * makes the whole request `not_found` before anything is revoked.
 */
export async function revokeSelectedTokens({
  appId,
  tokenIds,
  actor,
  now = Date.now(),
}: RevokeSelectedOptions): Promise<{ revoked: number; notices: QueuedNotices }> {
  const { clientId, tokens: selected } = await getAppTokensOrThrow({ appId, tokenIds, actor, may: "apps.revoke_tokens" }); // an admin may revoke in any application
  const grants = [...new Set(selected.map((t) => t.grantId))];
  const inGrants = await db.token.findMany({ where: { clientId, grantId: { in: grants } }, select: { id: true } });
  const { changed, notices } = await commitTokenChange({
    cause: "browser",
    tokens: { revoke: { tokenIds: inGrants.map((t) => t.id) } },
    by: actorName(actor),
    actor,
    appId,
    now,
  });

  return { revoked: changed.length, notices };
}
