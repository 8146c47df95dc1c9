import type { AppListQuery } from "@/lib/apps/app-list-query";
import type { AppPage } from "@/lib/apps/list-apps";
import type { AppSummary } from "@/lib/apps/schemas.shared";
import type { EventListQuery } from "@/lib/audit/event-list-query";
import type { EventPage } from "@/lib/audit/list-events";
import { toSearchParams, type TokenListQuery } from "@/lib/base/list-query.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import type { SecretSummary } from "@/lib/clients/list-client-secrets";
import type { TokenPage } from "@/lib/tokens/list-tokens";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

// Client-safe: types and fetchJson only, never db. Everything about one application sits under its
// detail key, so one invalidation of `appKeys.detail(appId)` refreshes its keys, tokens and activity.
export const appKeys = {
  all: ["apps"] as const,
  list: (query: AppListQuery = {}) => [...appKeys.all, "list", query] as const,
  detail: (appId: string) => [...appKeys.all, "detail", appId] as const,
  secrets: (appId: string) => [...appKeys.detail(appId), "secrets"] as const,
  tokens: (appId: string, query: TokenListQuery = {}) => [...appKeys.detail(appId), "tokens", query] as const,
  activity: (appId: string, query: EventListQuery = {}) => [...appKeys.detail(appId), "activity", query] as const,
};

export const appUrl = (appId: string, rest = "") => `/api/apps/${encodeURIComponent(appId)}${rest}`;

export const appQueries = {
  list: (query: AppListQuery = {}) =>
    queryOptions({
      queryKey: appKeys.list(query),
      queryFn: () => fetchJson<AppPage>(`/api/apps${toSearchParams(query)}`),
      placeholderData: keepPreviousData,
    }),
  detail: (appId: string) => queryOptions({ queryKey: appKeys.detail(appId), queryFn: () => fetchJson<AppSummary>(appUrl(appId)) }),
  secrets: (appId: string) =>
    queryOptions({ queryKey: appKeys.secrets(appId), queryFn: () => fetchJson<SecretSummary[]>(appUrl(appId, "/secrets")) }),
  tokens: (appId: string, query: TokenListQuery = {}) =>
    queryOptions({
      queryKey: appKeys.tokens(appId, query),
      queryFn: () => fetchJson<TokenPage>(appUrl(appId, `/tokens${toSearchParams(query)}`)),
      placeholderData: keepPreviousData, // the old page stays while the next one loads: no flash of "Loading…"
    }),
  activity: (appId: string, query: EventListQuery = {}) =>
    queryOptions({
      queryKey: appKeys.activity(appId, query),
      queryFn: () => fetchJson<EventPage>(appUrl(appId, `/activity${toSearchParams(query)}`)),
      placeholderData: keepPreviousData,
    }),
};

export const useApps = (query: AppListQuery, initialData?: AppPage) => useQuery({ ...appQueries.list(query), initialData });
export const useApp = (appId: string, initialData?: AppSummary) => useQuery({ ...appQueries.detail(appId), initialData });
export const useAppSecrets = (appId: string) => useQuery(appQueries.secrets(appId));
export const useAppTokens = (appId: string, query?: TokenListQuery) => useQuery(appQueries.tokens(appId, query));
export const useAppActivity = (appId: string, query?: EventListQuery) => useQuery(appQueries.activity(appId, query));
