"use client";

import { useEffect, useRef } from "react";

/** After a failed submit, move focus to the first field marked invalid. */
export function useFocusFirstInvalid(errors: object) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errors]);

  return ref;
}
