import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * After a write, marks every cached view under `queryKey` stale and reads the shown ones again.
 * Reads still in flight are cancelled first: one sent before the write and answered after it (a
 * busier worker may answer later) would otherwise land last, clear the invalidation, and a view
 * opened next would show its stale rows as fresh.
 */
export async function refetchAfterWrite(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}
