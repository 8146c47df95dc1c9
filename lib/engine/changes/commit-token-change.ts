import { store, type CauseEffect, type ChangedToken, type TokenChange, type TokenChangeResult } from "@/lib/data/store";
import { toAuditRow, type AuditEventInput } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { evictAfterTokenChange } from "@/lib/engine/validation-cache/evict";
import type { TokenChangeCause } from "./causes.shared";

export type CommitTokenChangeOptions = {
  cause: TokenChangeCause;
  tokens: TokenChange["tokens"];
  by: string; // shown in the tokens list: usually actorName(actor)
  actor: Actor; // who, for the audit trail
  appId?: string | null; // the application the audit rows are about
  effect?: CauseEffect;
  /** The cause's own audit events, built from what changed (e.g. app.deleted with its token count). */
  /** Extra facts for the revocation's audit row (an operator's cascade choice and why). */
  note?: Record<string, unknown>;
  events?: (changed: ChangedToken[]) => Omit<AuditEventInput, "actor" | "appId">[];
  now?: number;
};

/** Routine, not a revocation anyone asked for: one audit row per refresh would grow the trail without telling anyone anything. */
const UNAUDITED: TokenChangeCause[] = ["refresh_rotated"];

/** What a cause that found nothing to change returns: no tokens, no notices. */
export const NO_CHANGE: TokenChangeResult = { changed: [], notices: { sequences: [], revoked: [] } };

/**
 * The one way tokens stop being valid early or become shorter-lived, whatever the cause: the
 * cause's effect, the token changes, the audit rows and the gateway notices commit in one
 * transaction. Nothing is sent here: the caller's door flushes the returned `notices`
 * (lib/engine/notices/flush-notices.ts), so a committed change is announced by whoever committed it.
 */
export async function commitTokenChange({
  cause,
  tokens,
  by,
  actor,
  appId = null,
  effect,
  note,
  events,
  now = Date.now(),
}: CommitTokenChangeOptions): Promise<TokenChangeResult> {
  const result = await store().commitTokenChange({
    cause,
    at: now,
    by,
    effect,
    tokens,
    audit: (changed) => {
      const revoked: AuditEventInput[] =
        "revoke" in tokens && changed.length > 0 && !UNAUDITED.includes(cause)
          ? [
              {
                appId,
                actor,
                action: "token.revoked",
                detail: { reason: cause, count: changed.length, tokenIds: changed.map((t) => t.id), ...note },
              },
            ]
          : [];
      const own = (events?.(changed) ?? []).map((e) => ({ appId, actor, ...e }));

      return [...revoked, ...own].map((e) => toAuditRow(e, now));
    },
  });

  return evictAfterTokenChange(effect, result); // before any door answers (lib/engine/validation-cache)
}
