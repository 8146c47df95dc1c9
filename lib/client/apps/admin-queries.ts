import type { AppListQuery } from "@/lib/apps/app-list-query";
import type { OverseenAppPage } from "@/lib/apps/list-all-apps";
import { toSearchParams } from "@/lib/base/list-query.shared";
import { fetchJson } from "@/lib/client/http/fetch-json";
import { keepPreviousData, useQuery } from "@tanstack/react-query";

// Client-safe: Admin → Applications (every owner's).
export const useAllApps = (query: AppListQuery) =>
  useQuery({
    queryKey: ["apps", "all", query],
    queryFn: () => fetchJson<OverseenAppPage>(`/api/admin/apps${toSearchParams(query)}`),
    placeholderData: keepPreviousData,
  });
