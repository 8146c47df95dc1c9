import { store, type ApiRef, type QueuedNotices, type SubscriptionEffect } from "@/lib/data/store";
import { toAuditRow, type AuditEventInput } from "@/lib/engine/audit/record-event";
import { emit } from "@/lib/engine/hooks/hooks";

export type CommitSubscriptionChangeOptions = {
  effects: SubscriptionEffect[];
  /** (client, API) pairs whose cached validation info gateways must drop: one subscription.changed each. */
  notify: { clientId: string; api: ApiRef }[];
  events: AuditEventInput[];
  announceSettings?: boolean;
  now?: number;
};

/**
 * The one way subscriptions, API lifecycles and the settings they depend on change: the writes, the audit rows and the
 * subscription.changed notices commit in one store transaction (README, "The data-layer rule").
 * Then `committed` is emitted (lib/engine/hooks): this process evicts before its door answers.
 * Nothing is sent here: the caller's door flushes the returned notices.
 */
export async function commitSubscriptionChange({
  effects,
  notify,
  events,
  announceSettings,
  now = Date.now(),
}: CommitSubscriptionChangeOptions): Promise<QueuedNotices> {
  const audit = events.map((e) => toAuditRow(e, now));
  const notices = await store().commitSubscriptionChange({ at: now, effects, notify, audit, announceSettings });

  emit("committed", { cause: null, changed: [], clients: notify, notices });

  return notices;
}
