"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and until React has hydrated the page. A sign-in or sign-up button stays
 * disabled till then: clicked earlier, the browser would submit the form itself, as a GET with the
 * password in the address, instead of our handler.
 */
export const useHydrated = () =>
  useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
