import { store, type ChangedToken, type TokenChangeResult } from "@/lib/data/store";
import { toAuditRow, type AuditEventInput } from "@/lib/engine/audit/audit-row";
import { emit } from "@/lib/engine/hooks/hooks";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { causeRow, REVOCATION_EVENT, type CauseWith, type TokenChangeCause } from "./causes.shared";
import { EFFECTS, type CauseWithEffect, type EffectArgs } from "./effects";
import type { Effect } from "./effects/effect";
import { tokenStatement, type TokensChange, type TokenSelector } from "./token-statements";

type Detail = Record<string, unknown>;
type CauseWithEvent = CauseWith<{ event: object }>;

/** The tokens option, as the cause's `change` column says. */
type TokensOf<C extends TokenChangeCause> =
  C extends CauseWith<{ change: "revoke" }>
    ? { revoke: TokenSelector }
    : C extends CauseWith<{ change: "reapprove" }>
      ? { reapprove: TokenSelector }
      : { shorten: { type: ChangedToken["type"]; maxTtlMs: number } };

export type CommitTokenChangeOptions<C extends TokenChangeCause> = {
  cause: C;
  tokens: TokensOf<C>;
  by: string; // shown in the tokens list: usually actorName(actor)
  actor: Actor; // who, for the audit trail
  appId?: string | null; // the application the audit rows are about
  /** Extra facts for the revocation's audit row (an operator's cascade choice and why). */
  note?: Detail;
  now?: number;
} & (C extends CauseWithEffect ? { effect: EffectArgs<C> } : { effect?: never }) &
  // The cause's own audit event (its action is the row's), built from what changed (e.g. app.deleted with its token count).
  (C extends CauseWithEvent ? { detail: (changed: ChangedToken[]) => Detail } : { detail?: never });

/** What a cause that found nothing to change returns: no tokens, no notices. */
export const NO_CHANGE: TokenChangeResult = { changed: [], notices: { sequences: [], revoked: [] } };

/**
 * The one way tokens stop being valid early, become shorter-lived or valid again, whatever the
 * cause: the cause's effect, the token changes, the audit rows and the gateway notices commit in
 * one transaction, built here from the cause's row (lib/engine/changes/causes.shared.ts) and run by
 * the store. Then `committed` is emitted (lib/engine/hooks): this process evicts before its door
 * answers. Nothing is sent here: the caller's door flushes the returned `notices`
 * (lib/engine/notices/flush-notices.ts), so a committed change is announced by whoever committed it.
 */
export async function commitTokenChange<C extends TokenChangeCause>(options: CommitTokenChangeOptions<C>): Promise<TokenChangeResult> {
  const { cause, tokens, by, actor, appId = null, note, now = Date.now() } = options;
  const { effect, detail } = options as { effect?: unknown; detail?: (changed: ChangedToken[]) => Detail };
  const row = causeRow(cause);
  const s = store();
  const result = await s.commitTokenChange({
    at: now,
    tokens: tokenStatement(tokens as TokensChange, { cause, at: now, by }, s.dialect),
    effect: (changed) =>
      effect === undefined ? [] : (EFFECTS[cause as CauseWithEffect] as Effect<unknown>)(effect, { at: now, dialect: s.dialect, changed }),
    audit: (changed) => {
      const revoked: AuditEventInput[] =
        row.auditsRevocation && changed.length > 0
          ? [
              {
                appId,
                actor,
                action: REVOCATION_EVENT.action,
                detail: { reason: cause, count: changed.length, tokenIds: changed.map((t) => t.id), ...note },
              },
            ]
          : [];
      const own: AuditEventInput[] =
        row.event && detail && (changed.length > 0 || !row.event.onlyIfChanged)
          ? [{ appId, actor, action: row.event.action, detail: detail(changed) }]
          : [];

      return [...revoked, ...own].map((e) => toAuditRow(e, now));
    },
  });
  emit("committed", { cause, changed: result.changed, clients: endedClients(row.alsoEvicts, effect), notices: result.notices });

  return result;
}

/** Beyond its tokens, whose every cached answer the change ended: the effect's client, when the row says so. */
function endedClients(alsoEvicts: "client" | undefined, effect: unknown) {
  const clientId = (effect as { clientId?: unknown } | undefined)?.clientId;
  if (alsoEvicts !== "client") return [];
  if (typeof clientId !== "string") throw new Error("a cause that evicts its client names it in its effect");

  return [{ clientId, api: null }];
}
