import type { AppScopeGrant } from "@/lib/apps/schemas.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { appKeys } from "./queries";

// Client-safe: an admin's grants of privileged scopes to one application (Admin → All apps → the application).
const scopesKey = (appId: string) => [...appKeys.detail(appId), "privileged-scopes"] as const;
const scopesUrl = (appId: string, scope = "") =>
  `/api/admin/apps/${encodeURIComponent(appId)}/scopes${scope && `/${encodeURIComponent(scope)}`}`;

export const useAppScopes = (appId: string) =>
  useQuery({ queryKey: scopesKey(appId), queryFn: () => fetchJson<AppScopeGrant[]>(scopesUrl(appId)) });

/** Grant (`granted: true`) or withdraw a privileged scope; the answer is the list as it now stands. */
export function useSetAppScope(appId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ scope, granted }: { scope: string; granted: boolean }) =>
      granted
        ? fetchJson<AppScopeGrant[]>(scopesUrl(appId), { method: "POST", json: { scope } })
        : fetchJson<AppScopeGrant[]>(scopesUrl(appId, scope), { method: "DELETE" }),
    onSuccess: (scopes) => {
      queryClient.setQueryData(scopesKey(appId), scopes);

      return queryClient.invalidateQueries({ queryKey: [...appKeys.detail(appId), "activity"] });
    },
  });
}
