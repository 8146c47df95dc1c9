import type { TokenChangeResult } from "@/lib/data/store";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { systemActor } from "@/lib/engine/identity/actor.shared";

/**
 * Revokes a canary token through the change pipeline like any other revocation, so its notice goes
 * to every gateway as any other would (README, "Canary"); the door flushes the returned notices.
 */
export function revokeCanaryToken({ tokenId, now }: { tokenId: string; now?: number }): Promise<TokenChangeResult> {
  return commitTokenChange({
    cause: "canary",
    tokens: { revoke: { tokenId } },
    by: "system:canary",
    actor: systemActor("canary"),
    now,
  });
}
