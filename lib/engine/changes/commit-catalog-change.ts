import { store, type ApiRef, type CatalogEffect, type QueuedNotices } from "@/lib/data/store";
import { toAuditRow, type AuditEventInput } from "@/lib/engine/audit/audit-row";
import { emit } from "@/lib/engine/hooks/hooks";

export type CommitCatalogChangeOptions = {
  effects: CatalogEffect[];
  /** (client, API) pairs whose cached validation info gateways must drop: one subscription.changed each. */
  notify: { clientId: string; api: ApiRef }[];
  events: AuditEventInput[];
  announceSettings?: boolean;
  now?: number;
};

/**
 * The one way the API catalog and what governs it change — subscriptions, an API's lifecycle and backend-JWT
 * choice, the portal's settings: the writes, the audit rows and the subscription.changed notices commit in one
 * store transaction (README, "The data-layer rule").
 * Then `committed` is emitted (lib/engine/hooks): this process evicts before its door answers.
 * Nothing is sent here: the caller's door flushes the returned notices.
 */
export async function commitCatalogChange({
  effects,
  notify,
  events,
  announceSettings,
  now = Date.now(),
}: CommitCatalogChangeOptions): Promise<QueuedNotices> {
  const audit = events.map((e) => toAuditRow(e, now));
  const notices = await store().commitCatalogChange({ at: now, effects, notify, audit, announceSettings });

  emit("committed", { cause: null, changed: [], clients: notify, notices });

  return notices;
}
