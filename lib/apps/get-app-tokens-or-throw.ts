import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { getAppOrThrow, type GetAppOrThrowOptions } from "./get-app-or-throw";

type GetAppTokensOrThrowOptions = GetAppOrThrowOptions & { tokenIds: string[] };

/**
 * The application the actor may act on (as `getAppOrThrow` finds it) and these tokens of its client. Any id
 * that is not a token of this application — another app's, even the user's own other app's, or
 * unknown — makes the whole request the same `not_found`, before anything is done.
 */
export async function getAppTokensOrThrow({ tokenIds, ...app }: GetAppTokensOrThrowOptions) {
  const { clientId } = await getAppOrThrow(app);
  const ids = [...new Set(tokenIds)];
  const tokens = await db.token.findMany({ where: { id: { in: ids }, clientId }, select: { id: true, grantId: true } });
  if (tokens.length !== ids.length)
    throw new AppError("not_found", ids.length === 1 ? "Token not found." : "Some of the selected tokens were not found.");

  return { clientId, tokens };
}
