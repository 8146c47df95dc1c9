import type { CanaryRunSummary } from "@/lib/base/canary.shared";
import type { SecretOverlap } from "@/lib/base/overlap.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { refetchAfterWrite } from "@/lib/client/http/refetch-after-write";
import type { CreatedGateway } from "@/lib/gateways/create-gateway";
import type { RotatedGatewayClientSecret } from "@/lib/gateways/rotate-gateway-client-secret";
import type { CreateGatewayInput, GatewaySummary, UpdateGatewayInput } from "@/lib/gateways/schemas.shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { gatewayKeys, gatewayUrl } from "./queries";

// Client-safe writes; each refreshes the list (and its health) in one invalidation.

export type RotatedSigningSecret = { signingSecret: string; previousSecretExpiresAt: string | null };
export type TestNoticeResult = { ok: boolean; failure: string | null };

function useGatewayMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();

  return useMutation({ mutationFn, onSettled: () => refetchAfterWrite(queryClient, gatewayKeys.all) });
}

export const useCreateGateway = () =>
  useGatewayMutation((input: CreateGatewayInput) => fetchJson<CreatedGateway>("/api/admin/gateways", { method: "POST", json: input }));

export const useUpdateGateway = (gatewayId: string) =>
  useGatewayMutation((changes: UpdateGatewayInput) => fetchJson<GatewaySummary>(gatewayUrl(gatewayId), { method: "PATCH", json: changes }));

export const useDeleteGateway = (gatewayId: string) =>
  useGatewayMutation(() => fetchJson<null>(gatewayUrl(gatewayId), { method: "DELETE" }));

export const useRotateSigningSecret = (gatewayId: string) =>
  useGatewayMutation((overlap: SecretOverlap) =>
    fetchJson<RotatedSigningSecret>(gatewayUrl(gatewayId, "/rotate-secret"), { method: "POST", json: { overlap } }),
  );

export const useRotateGatewayClientSecret = (gatewayId: string) =>
  useGatewayMutation((overlap: SecretOverlap) =>
    fetchJson<RotatedGatewayClientSecret>(gatewayUrl(gatewayId, "/rotate-client-secret"), { method: "POST", json: { overlap } }),
  );

export const useSendTestNotice = (gatewayId: string) =>
  useGatewayMutation(() => fetchJson<TestNoticeResult>(gatewayUrl(gatewayId, "/test-notice"), { method: "POST" }));

export const useVerifyGateway = (gatewayId: string) =>
  useGatewayMutation(() => fetchJson<CanaryRunSummary>(gatewayUrl(gatewayId, "/verify"), { method: "POST" }));

export const useRedeliver = (gatewayId: string) =>
  useGatewayMutation((sequence?: number) =>
    fetchJson<{ queued: number }>(gatewayUrl(gatewayId, "/redeliver"), { method: "POST", json: { sequence } }),
  );
