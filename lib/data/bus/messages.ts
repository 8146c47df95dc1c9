import type { NoticeType } from "@/lib/data/store/types";
import { INSTANCE_ID } from "./instance-id";

// What instances tell each other: "events first..last of this type just committed". A range, not a
// list, so a revocation of any size fits in one NOTIFY payload (8,000 bytes at most); a listener reads
// the events themselves from the database if it needs them.
export const EVENTS_CHANNEL = "portcullis_events";

// "settings.changed" names no events (first = last = 0): a setting every instance keeps in memory changed.
export type EventsCommitted = { from: string; type: NoticeType | "settings.changed"; first: number; last: number };

export const eventsCommitted = (type: NoticeType, sequences: number[]): EventsCommitted => ({
  from: INSTANCE_ID,
  type,
  first: Math.min(...sequences),
  last: Math.max(...sequences),
});

export const busPayload = (type: NoticeType, sequences: number[]): string => JSON.stringify(eventsCommitted(type, sequences));

export const settingsChangedPayload = (): string =>
  JSON.stringify({ from: INSTANCE_ID, type: "settings.changed", first: 0, last: 0 } satisfies EventsCommitted);

export function parseBusPayload(payload: string | undefined): EventsCommitted | null {
  try {
    const m = JSON.parse(payload ?? "") as Partial<EventsCommitted>;
    return typeof m.from === "string" && typeof m.type === "string" && Number.isInteger(m.first) && Number.isInteger(m.last)
      ? (m as EventsCommitted)
      : null;
  } catch {
    return null;
  }
}
