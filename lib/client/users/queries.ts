import { toSearchParams } from "@/lib/base/list-query.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { refetchAfterWrite } from "@/lib/client/http/refetch-after-write";
import type { Role } from "@/lib/users/schemas.shared";
import type { UserListQuery, UserPage } from "@/lib/users/user-list-query";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

// Client-safe: Admin → Users.
export const userKeys = {
  all: ["users"] as const,
  list: (query: UserListQuery) => [...userKeys.all, "list", query] as const,
};

export const userQueries = {
  list: (query: UserListQuery) =>
    queryOptions({
      queryKey: userKeys.list(query),
      queryFn: () => fetchJson<UserPage>(`/api/admin/users${toSearchParams(query)}`),
      placeholderData: keepPreviousData,
    }),
};

export const useUsers = (query: UserListQuery) => useQuery(userQueries.list(query));

const userUrl = (userId: string, tail = "") => `/api/admin/users/${encodeURIComponent(userId)}${tail}`;

export function useSetUserRole(userId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (role: Role) => fetchJson<{ email: string; role: Role }>(userUrl(userId), { method: "PATCH", json: { role } }),
    onSuccess: () => refetchAfterWrite(queryClient, userKeys.all),
  });
}

export function useSetSuspension(userId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (suspend: boolean) =>
      fetchJson<{ email: string; revokedTokens?: number }>(userUrl(userId, "/suspension"), { method: suspend ? "PUT" : "DELETE" }),
    onSuccess: () => refetchAfterWrite(queryClient, userKeys.all),
  });
}
