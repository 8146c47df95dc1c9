import type {
  AppSummary,
  CreateAppInput,
  CreatedApp,
  CreatedPublicApp,
  GenerateTokenInput,
  UpdateAppInput,
} from "@/lib/apps/schemas.shared";
import type { SecretOverlap } from "@/lib/base/overlap.shared";
import type { TokenFormat } from "@/lib/base/token-format.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { refetchAfterWrite } from "@/lib/client/http/refetch-after-write";
import type { RotatedSecret } from "@/lib/clients/rotate-client-secret";
import type { GeneratedAppToken } from "@/lib/tokens/generate-app-token";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { appKeys, appUrl } from "./queries";

// Client-safe writes. Each invalidates by prefix (see appKeys): lists and details in one call.

export function useCreateApp() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: CreateAppInput) => fetchJson<CreatedApp | CreatedPublicApp>("/api/apps", { method: "POST", json: input }),
    onSuccess: () => refetchAfterWrite(queryClient, appKeys.list()),
  });
}

export function useUpdateApp(appId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (changes: UpdateAppInput) => fetchJson<AppSummary>(appUrl(appId), { method: "PATCH", json: changes }),
    onSuccess: (app) => {
      queryClient.setQueryData(appKeys.detail(appId), app);

      return refetchAfterWrite(queryClient, appKeys.all);
    },
  });
}

export function useSetTokenFormat(appId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (tokenFormat: TokenFormat) =>
      fetchJson<AppSummary>(appUrl(appId, "/token-format"), { method: "PUT", json: { tokenFormat } }),
    onSuccess: (app) => {
      queryClient.setQueryData(appKeys.detail(appId), app);

      return refetchAfterWrite(queryClient, appKeys.all);
    },
  });
}

export function useDeleteApp(appId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (confirmName: string) => fetchJson<{ revokedTokens: number }>(appUrl(appId), { method: "DELETE", json: { confirmName } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: appKeys.detail(appId) });

      return refetchAfterWrite(queryClient, appKeys.list());
    },
  });
}

export function useRotateSecret(appId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (overlap: SecretOverlap) => fetchJson<RotatedSecret>(appUrl(appId, "/secrets"), { method: "POST", json: { overlap } }),
    onSuccess: () => refetchAfterWrite(queryClient, appKeys.detail(appId)), // an immediate rotation revokes tokens too
  });
}

export function useGenerateToken(appId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: GenerateTokenInput) => fetchJson<GeneratedAppToken>(appUrl(appId, "/tokens"), { method: "POST", json: input }),
    onSuccess: () => refetchAfterWrite(queryClient, appKeys.detail(appId)),
  });
}

export function useRevokeToken(appId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (tokenId: string) =>
      fetchJson<{ revoked: number }>(appUrl(appId, `/tokens/${encodeURIComponent(tokenId)}/revoke`), { method: "POST" }),
    onSuccess: () => refetchAfterWrite(queryClient, appKeys.detail(appId)),
  });
}

export function useRevokeSelectedTokens(appId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (tokenIds: string[]) =>
      fetchJson<{ revoked: number }>(appUrl(appId, "/tokens/revoke"), { method: "POST", json: { tokenIds } }),
    onSuccess: () => refetchAfterWrite(queryClient, appKeys.detail(appId)),
  });
}
