"use client";

import { CircleAlert } from "lucide-react";
import { useEffect, useRef } from "react";

/** A form-level error, read out as soon as it appears. */
export function FormAlert({ message }: { message?: string | null }) {
  return (
    <div role="alert" className="empty:hidden">
      {message && (
        <p className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {message}
        </p>
      )}
    </div>
  );
}

/** After a failed submit, move focus to the first field marked invalid. */
export function useFocusFirstInvalid(errors: object) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errors]);

  return ref;
}
