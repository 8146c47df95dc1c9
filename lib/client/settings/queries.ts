import { fetchJson } from "@/lib/client/http/fetch-json";
import type { SettingKey } from "@/lib/engine/settings/definitions.shared";
import type { ShortenedTokens, ShorteningPreview, ShortenTokensInput, UpdateSettingsInput } from "@/lib/settings/schemas";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

// Client-safe: types and fetchJson only, never db.

export type Settings = Record<SettingKey, string>;

export const settingsKeys = {
  all: ["settings"] as const,
  current: () => [...settingsKeys.all, "current"] as const,
};

export const settingsQueries = {
  current: () => queryOptions({ queryKey: settingsKeys.current(), queryFn: () => fetchJson<Settings>("/api/admin/settings") }),
};

export const useSettings = (initialData?: Settings) => useQuery({ ...settingsQueries.current(), initialData });

export function useUpdateSettings() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => fetchJson<Settings>("/api/admin/settings", { method: "PATCH", json: input }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.current(), saved),
  });
}

/** A dry run: POST, but reads only. A mutation because it runs on demand with the values typed. */
export const usePreviewShortening = () =>
  useMutation({
    mutationFn: (input: ShortenTokensInput) => fetchJson<ShorteningPreview>("/api/admin/settings/preview", { method: "POST", json: input }),
  });

export const useShortenTokens = () =>
  useMutation({
    mutationFn: (input: ShortenTokensInput) => fetchJson<ShortenedTokens>("/api/admin/settings/shorten", { method: "POST", json: input }),
  });
