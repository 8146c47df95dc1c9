import type { EventListQuery } from "@/lib/audit/event-list-query";
import type { EventPage } from "@/lib/audit/list-events";
import { toSearchParams } from "@/lib/base/list-query.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";

// Client-safe: the admin's view of every application's audit trail.
export const auditKeys = {
  all: ["audit"] as const,
  list: (query: EventListQuery) => [...auditKeys.all, "list", query] as const,
};

export const auditQueries = {
  list: (query: EventListQuery) =>
    queryOptions({
      queryKey: auditKeys.list(query),
      queryFn: () => fetchJson<EventPage>(`/api/admin/activity${toSearchParams(query)}`),
      placeholderData: keepPreviousData,
    }),
};
