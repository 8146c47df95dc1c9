import type { AppSummary } from "@/lib/apps/schemas";
import type { AuditEventSummary } from "@/lib/audit/list-events";
import type { SecretSummary } from "@/lib/clients/list-client-secrets";
import { fetchJson } from "@/lib/http/client/fetch-json";
import type { TokenSummary } from "@/lib/tokens/list-tokens";
import { queryOptions, useQuery } from "@tanstack/react-query";

// Client-safe: types and fetchJson only, never db. Everything about one application sits under its
// detail key, so one invalidation of `appKeys.detail(appId)` refreshes its keys, tokens and activity.
export const appKeys = {
  all: ["apps"] as const,
  list: () => [...appKeys.all, "list"] as const,
  detail: (appId: string) => [...appKeys.all, "detail", appId] as const,
  secrets: (appId: string) => [...appKeys.detail(appId), "secrets"] as const,
  tokens: (appId: string) => [...appKeys.detail(appId), "tokens"] as const,
  activity: (appId: string) => [...appKeys.detail(appId), "activity"] as const,
};

export const appUrl = (appId: string, rest = "") => `/api/apps/${encodeURIComponent(appId)}${rest}`;

export const appQueries = {
  list: () => queryOptions({ queryKey: appKeys.list(), queryFn: () => fetchJson<AppSummary[]>("/api/apps") }),
  detail: (appId: string) => queryOptions({ queryKey: appKeys.detail(appId), queryFn: () => fetchJson<AppSummary>(appUrl(appId)) }),
  secrets: (appId: string) =>
    queryOptions({ queryKey: appKeys.secrets(appId), queryFn: () => fetchJson<SecretSummary[]>(appUrl(appId, "/secrets")) }),
  tokens: (appId: string) =>
    queryOptions({ queryKey: appKeys.tokens(appId), queryFn: () => fetchJson<TokenSummary[]>(appUrl(appId, "/tokens")) }),
  activity: (appId: string) =>
    queryOptions({ queryKey: appKeys.activity(appId), queryFn: () => fetchJson<AuditEventSummary[]>(appUrl(appId, "/activity")) }),
};

export const useApps = (initialData?: AppSummary[]) => useQuery({ ...appQueries.list(), initialData });
export const useApp = (appId: string, initialData?: AppSummary) => useQuery({ ...appQueries.detail(appId), initialData });
export const useAppSecrets = (appId: string) => useQuery(appQueries.secrets(appId));
export const useAppTokens = (appId: string) => useQuery(appQueries.tokens(appId));
export const useAppActivity = (appId: string) => useQuery(appQueries.activity(appId));
