import { appKeys, appUrl } from "@/lib/client/apps/queries";
import { fetchJson } from "@/lib/client/http/fetch-json";
import type { TokenDelivery } from "@/lib/gateways/list-app-token-deliveries";
import type { GatewayWithHealth } from "@/lib/gateways/list-gateways";
import type { Propagation } from "@/lib/gateways/propagation.shared";
import { queryOptions, useQuery } from "@tanstack/react-query";

// Client-safe: types and fetchJson only, never db.
export const gatewayKeys = {
  all: ["gateways"] as const,
  list: () => [...gatewayKeys.all, "list"] as const,
  // Under the app's tokens key: revoking (which invalidates the app) refreshes the acknowledgements too.
  deliveries: (appId: string, tokenId: string) => [...appKeys.tokens(appId), tokenId, "deliveries"] as const,
};

export const gatewayUrl = (gatewayId: string, rest = "") => `/api/admin/gateways/${encodeURIComponent(gatewayId)}${rest}`;

const HEALTH_POLL_MS = 3_000;
const DELIVERY_POLL_MS = 1_000;
const UNREACHABLE_POLL_MS = 5_000;

export const gatewayQueries = {
  list: () =>
    queryOptions({
      queryKey: gatewayKeys.list(),
      queryFn: () => fetchJson<GatewayWithHealth[]>("/api/admin/gateways"),
      refetchInterval: HEALTH_POLL_MS, // health is live: pending, failures and latency move on their own
      staleTime: 0,
    }),
  deliveries: (appId: string, tokenId: string) =>
    queryOptions({
      queryKey: gatewayKeys.deliveries(appId, tokenId),
      queryFn: () =>
        fetchJson<{ propagation: Propagation; deliveries?: TokenDelivery[] }>(
          appUrl(appId, `/tokens/${encodeURIComponent(tokenId)}/deliveries`),
        ),
      // Poll while a gateway is being sent to, and slower while the rest are unreachable (one may come back);
      // stop once every one acknowledged or was given up on.
      refetchInterval: (query) => {
        const p = query.state.data?.propagation;
        if (p?.state !== "partial") return false;

        return p.sending > 0 ? DELIVERY_POLL_MS : p.unreachable > 0 ? UNREACHABLE_POLL_MS : false;
      },
      staleTime: 0,
    }),
};

export const useGateways = (initialData?: GatewayWithHealth[]) => useQuery({ ...gatewayQueries.list(), initialData });
export const useTokenDeliveries = (appId: string, tokenId: string) => useQuery(gatewayQueries.deliveries(appId, tokenId));
