import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { revokeTokens } from "@/lib/tokens/revoke-tokens";
import * as z from "zod";
import { getAppOrThrow } from "./get-app-or-throw";
import type { Actor } from "./schemas";

export const MAX_SELECTED = 500;
export const revokeSelectedSchema = z.object({
  tokenIds: z
    .array(z.string().min(1).max(100))
    .min(1, "Select at least one token.")
    .max(MAX_SELECTED, `Select at most ${MAX_SELECTED} tokens at once.`),
});

type RevokeSelectedOptions = { appId: string; tokenIds: string[]; actor: Actor; ip?: string | null; now?: number };

/**
 * "Revoke selected" in the tokens list: each selected token and the rest of its grant. Any id that is not
 * a token of this application makes the whole request `not_found` before anything is revoked.
 */
export async function revokeSelectedTokens({ appId, tokenIds, actor, ip, now = Date.now() }: RevokeSelectedOptions) {
  const { clientId } = await getAppOrThrow({ appId, userId: actor.id });
  const ids = [...new Set(tokenIds)];
  const tokens = await db.token.findMany({ where: { id: { in: ids }, clientId }, select: { grantId: true } });
  if (tokens.length !== ids.length) throw new AppError("not_found", "Some of the selected tokens were not found.");
  // One revocation per grant until the store takes a list of token ids in one transaction (see the report for the selector).
  let revoked = 0;
  for (const grantId of new Set(tokens.map((t) => t.grantId))) {
    const done = await revokeTokens({
      selector: { grantId },
      reason: "browser",
      by: actor.email,
      audit: { appId, actorId: actor.id, ip },
      now,
    });
    revoked += done.length;
  }

  return { revoked };
}
