import { store, type TokenChangeResult } from "@/lib/store";
import { commitTokenChange, NO_CHANGE } from "./commit-token-change";
import { hashToken } from "./hash-token";

/** `portcullis tokens revoke`: an operator revokes any token and the rest of its grant. Unknown tokens change nothing. */
export async function revokeByOperator({ token, now = Date.now() }: { token: string; now?: number }): Promise<TokenChangeResult> {
  const found = await store().findTokenByHash(hashToken(token));
  if (!found) return NO_CHANGE;
  const client = await store().findClient(found.clientId);

  return commitTokenChange({
    cause: "cli",
    tokens: { revoke: { grantId: found.grantId } },
    by: "cli",
    actor: { appId: client?.appId ?? null, actor: "cli" },
    now,
  });
}
