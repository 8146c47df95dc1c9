import { fetchJson } from "@/lib/client/http/fetch-json";
import { refetchAfterWrite } from "@/lib/client/http/refetch-after-write";
import type { RotateKeyInput, SigningKeySummary } from "@/lib/engine/keys/schemas.shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

// Client-safe: Admin → Signing keys.
export const keyKeys = { all: ["signing-keys"] as const };

export type RotatedKey = { kid: string; alg: string; activatesAt: string; previousExpireAt: string; replaced: string[] };

export const useSigningKeys = (initialData: SigningKeySummary[]) =>
  useQuery({ queryKey: keyKeys.all, queryFn: () => fetchJson<SigningKeySummary[]>("/api/admin/keys"), initialData });

export function useRotateKey() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: RotateKeyInput) => fetchJson<RotatedKey>("/api/admin/keys", { method: "POST", json: input }),
    onSuccess: () => refetchAfterWrite(queryClient, keyKeys.all),
  });
}
