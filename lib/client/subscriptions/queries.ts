import { appKeys, appUrl } from "@/lib/client/apps/queries";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { refetchAfterWrite } from "@/lib/client/http/refetch-after-write";
import type { SubscriptionSummary } from "@/lib/subscriptions/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

// Client-safe. Under the application's key: anything that refreshes the app refreshes its subscriptions.
export const subscriptionKeys = { app: (appId: string) => [...appKeys.detail(appId), "subscriptions"] as const };

export const useAppSubscriptions = (appId: string) =>
  useQuery({ queryKey: subscriptionKeys.app(appId), queryFn: () => fetchJson<SubscriptionSummary[]>(appUrl(appId, "/subscriptions")) });

function useSubscriptionMutation<I, O>(appId: string, mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();

  return useMutation({ mutationFn, onSettled: () => refetchAfterWrite(queryClient, subscriptionKeys.app(appId)) });
}

const subscriptionUrl = (appId: string, id: string) => appUrl(appId, `/subscriptions/${encodeURIComponent(id)}`);

export const useChangeTier = (appId: string) =>
  useSubscriptionMutation(appId, ({ id, tier }: { id: string; tier: string }) =>
    fetchJson<{ status: string }>(subscriptionUrl(appId, id), { method: "PATCH", json: { tier } }),
  );
export const useUnsubscribe = (appId: string) =>
  useSubscriptionMutation(appId, (id: string) => fetchJson<null>(subscriptionUrl(appId, id), { method: "DELETE" }));

export function useSubscribe(apiId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: { appId: string; tier: string }) =>
      fetchJson<{ id: string; status: string }>(`/api/apis/${encodeURIComponent(apiId)}/subscriptions`, { method: "POST", json: input }),
    onSettled: () => refetchAfterWrite(queryClient, appKeys.all),
  });
}
