import { fetchJson } from "@/lib/http/client/fetch-json";
import { refetchAfterWrite } from "@/lib/http/client/refetch-after-write";
import type { RotateKeyInput, SigningKeySummary } from "@/lib/keys/schemas";
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
