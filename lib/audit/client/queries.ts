import type { EventListQuery } from "@/lib/audit/event-list-query";
import type { EventPage } from "@/lib/audit/list-events";
import { fetchJson } from "@/lib/http/client/fetch-json";
import { toSearchParams } from "@/lib/tokens/token-list-query";
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
