import type {
  ApiSummary,
  BackendJwtChoice,
  CreateApiInput,
  CreateTierInput,
  LifecycleAction,
  TierSummary,
} from "@/lib/apis/schemas.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { refetchAfterWrite } from "@/lib/client/http/refetch-after-write";
import type { SubscriptionSummary } from "@/lib/subscriptions/schemas";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

// Client-safe: types and fetchJson only, never db. One key root, so every write refreshes every list.
export const apiKeys = {
  all: ["apis"] as const,
  admin: () => [...apiKeys.all, "admin"] as const,
  tiers: () => [...apiKeys.all, "tiers"] as const,
  pending: () => [...apiKeys.all, "pending"] as const,
  catalog: (q: string, status: string) => [...apiKeys.all, "catalog", q, status] as const,
};

export const apiQueries = {
  admin: (initialData?: ApiSummary[]) =>
    queryOptions({ queryKey: apiKeys.admin(), queryFn: () => fetchJson<ApiSummary[]>("/api/admin/apis"), initialData }),
  tiers: (initialData?: TierSummary[]) =>
    queryOptions({ queryKey: apiKeys.tiers(), queryFn: () => fetchJson<TierSummary[]>("/api/admin/tiers"), initialData }),
  pending: (initialData?: SubscriptionSummary[]) =>
    queryOptions({ queryKey: apiKeys.pending(), queryFn: () => fetchJson<SubscriptionSummary[]>("/api/admin/subscriptions"), initialData }),
  catalog: (q: string, status: string) =>
    queryOptions({
      queryKey: apiKeys.catalog(q, status),
      queryFn: () => fetchJson<ApiSummary[]>(`/api/apis?${new URLSearchParams({ q, ...(status ? { status } : {}) })}`),
    }),
};

function useApiMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();

  return useMutation({ mutationFn, onSettled: () => refetchAfterWrite(queryClient, apiKeys.all) });
}

export const useCreateApi = () =>
  useApiMutation((input: CreateApiInput) => fetchJson<ApiSummary>("/api/admin/apis", { method: "POST", json: input }));
export const useCreateTier = () =>
  useApiMutation((input: CreateTierInput) => fetchJson<TierSummary>("/api/admin/tiers", { method: "POST", json: input }));
export const useApiLifecycle = (apiId: string) =>
  useApiMutation((action: LifecycleAction) =>
    fetchJson<{ status: string }>(`/api/admin/apis/${encodeURIComponent(apiId)}/lifecycle`, { method: "POST", json: { action } }),
  );
export const useSetBackendJwt = (apiId: string) =>
  useApiMutation((backendJwt: BackendJwtChoice) =>
    fetchJson<{ backendJwt: BackendJwtChoice }>(`/api/admin/apis/${encodeURIComponent(apiId)}/backend-jwt`, {
      method: "PUT",
      json: { backendJwt },
    }),
  );
export const useDecideSubscription = () =>
  useApiMutation(({ id, action, reason = "" }: { id: string; action: "approve" | "reject" | "block"; reason?: string }) =>
    fetchJson<{ status: string }>(`/api/admin/subscriptions/${encodeURIComponent(id)}`, { method: "POST", json: { action, reason } }),
  );
export const useAdminApis = (initialData?: ApiSummary[]) => useQuery(apiQueries.admin(initialData));
export const useTiers = (initialData?: TierSummary[]) => useQuery(apiQueries.tiers(initialData));
export const usePendingSubscriptions = (initialData?: SubscriptionSummary[]) => useQuery(apiQueries.pending(initialData));
