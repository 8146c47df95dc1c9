"use client";

import { ApiError } from "@/lib/client/http/fetch-json";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState } from "react";
import { Toaster } from "sonner";

const MAX_RETRIES = 2;

// An expired session surfaces as a 401 from our API: send the user to sign in and back.
function onApiError(err: unknown) {
  if (!(err instanceof ApiError) || err.status !== 401) return;
  const back = window.location.pathname + window.location.search;
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose
  window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onApiError }),
    mutationCache: new MutationCache({ onError: onApiError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change on retry; network errors and 5xx might.
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < MAX_RETRIES,
      },
    },
  });
}

export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);

  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>
        {children}
        {/* Neutral toasts (sonner's rich success green is below 4.5:1 contrast), at the bottom: never over the header or a dialog's title. */}
        <Toaster theme="system" closeButton position="bottom-right" />
      </QueryClientProvider>
    </SessionProvider>
  );
}
