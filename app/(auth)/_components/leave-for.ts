"use client";

import { useEffect } from "react";

/**
 * After signing in: a full load of the signed-in page. The session changes what every component shows,
 * and the browser keeps this page, its button pending, until the next one renders. A client-side
 * navigation and refresh could be overtaken while the dev server compiled the page, leaving the form sitting.
 */
export const leaveFor = (url: string) => window.location.assign(url);

/** A page restored from the back-forward cache would come back with its button still pending. */
export function useResetOnReturn(setPending: (pending: boolean) => void) {
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) setPending(false);
    };
    window.addEventListener("pageshow", onShow);

    return () => window.removeEventListener("pageshow", onShow);
  }, [setPending]);
}
