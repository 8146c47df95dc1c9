"use client";

import { Pager } from "@/components/lists/pager";
import { useCursorPages } from "@/components/lists/use-cursor-pages";
import { EmptyState } from "@/components/ui/empty-state";
import type { EventKind, EventListQuery } from "@/lib/audit/event-list-query";
import type { EventPage } from "@/lib/audit/list-events";
import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { ActivityFilters, NO_ACTIVITY_FILTERS, type ActivityFilterValues } from "./activity-filters";
import { AuditEventTable } from "./audit-event-table";

const PAGE_SIZE = 100;

type PagedActivityProps = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's own query key (app or admin) fits
  queryOf: (query: EventListQuery) => UseQueryOptions<EventPage, Error, EventPage, any>;
  label: string;
  showApp?: boolean;
  kinds?: EventKind[];
  empty: { title: string; description: string };
};

/** An audit trail a page at a time, with filters and "1–100 of 232 events". */
export function PagedActivity({ queryOf, label, showApp, kinds, empty }: PagedActivityProps) {
  const [filters, setFilters] = useState<ActivityFilterValues>(NO_ACTIVITY_FILTERS);
  const query = useDeferredValue(filters);
  const pages = useCursorPages(query);
  const events = useQuery(queryOf({ ...query, kind: query.kind || undefined, cursor: pages.cursor, limit: PAGE_SIZE }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_ACTIVITY_FILTERS);

  if (events.isPending) return <p className="text-sm text-muted-foreground">Loading activity…</p>;
  if (events.isError) return <p className="text-sm text-destructive">Could not load the activity: {events.error.message}</p>;
  if (events.data.total === 0 && !filtered) return <EmptyState icon={<History />} {...empty} />;

  return (
    <div className="grid min-w-0 gap-3">
      <ActivityFilters value={filters} onChange={setFilters} kinds={kinds} />
      <Pager
        noun="event"
        page={pages.page}
        pageSize={PAGE_SIZE}
        shown={events.data.events.length}
        total={events.data.total}
        hasNext={events.data.nextCursor !== null}
        loading={events.isPlaceholderData}
        onPrevious={pages.previous}
        onNext={() => events.data.nextCursor && pages.next(events.data.nextCursor)}
      />
      {events.data.events.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing matches these filters.</p>
      ) : (
        <AuditEventTable events={events.data.events} showApp={showApp} label={label} />
      )}
    </div>
  );
}
