import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import type { Role } from "@/lib/users/schemas.shared";
import { getAppOrThrow } from "./get-app-or-throw";

type GetAppTokensOrThrowOptions = { appId: string; tokenIds: string[]; userId: string; role?: Role | (string & {}) };

/**
 * The user's application (as `getAppOrThrow` finds it) and these tokens of its client. Any id
 * that is not a token of this application — another app's, even the user's own other app's, or
 * unknown — makes the whole request the same `not_found`, before anything is done.
 */
export async function getAppTokensOrThrow({ appId, tokenIds, userId, role }: GetAppTokensOrThrowOptions) {
  const { clientId } = await getAppOrThrow({ appId, userId, role });
  const ids = [...new Set(tokenIds)];
  const tokens = await db.token.findMany({ where: { id: { in: ids }, clientId }, select: { id: true, grantId: true } });
  if (tokens.length !== ids.length)
    throw new AppError("not_found", ids.length === 1 ? "Token not found." : "Some of the selected tokens were not found.");

  return { clientId, tokens };
}
