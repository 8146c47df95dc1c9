import { toSearchParams } from "@/lib/base/list-query.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { refetchAfterWrite } from "@/lib/client/http/refetch-after-write";
import type { RevocationPreview, TokenSearchPage, TokenSearchQuery } from "@/lib/tokens/token-search-query";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

// Client-safe: Admin → Tokens.
const searchKey = ["tokens", "search"] as const;

export const useTokenSearch = (query: TokenSearchQuery) =>
  useQuery({
    queryKey: [...searchKey, query],
    queryFn: () => fetchJson<TokenSearchPage>(`/api/admin/tokens${toSearchParams(query)}`),
    placeholderData: keepPreviousData,
  });

/** The blast radius of the current selection, fetched when the confirmation opens. */
export const useRevocationPreview = (tokenIds: string[], enabled: boolean) =>
  useQuery({
    queryKey: [...searchKey, "preview", tokenIds],
    queryFn: () => fetchJson<RevocationPreview>("/api/admin/tokens/bulk-revoke/preview", { method: "POST", json: { tokenIds } }),
    enabled,
    staleTime: 0,
  });

export function useBulkRevoke() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (tokenIds: string[]) =>
      fetchJson<{ revoked: number }>("/api/admin/tokens/bulk-revoke", { method: "POST", json: { tokenIds } }),
    onSuccess: () => refetchAfterWrite(queryClient, ["tokens"]),
  });
}
