"use client";

import { cn } from "@/lib/client/cn";
import { Slot } from "radix-ui";
import type * as React from "react";
import { useEffect, useId, useRef, useState } from "react";
import { Label } from "./label";

type FormFieldProps = {
  label: React.ReactNode;
  /** One control (Input, Textarea, NativeSelect…); it receives id, aria-invalid and aria-describedby. */
  children: React.ReactElement;
  /** A message or the API's `fields[name]` list; the first message is shown. */
  error?: string | string[] | null;
  description?: React.ReactNode;
  id?: string;
  className?: string;
};

/**
 * Label + control + hint + field error, wired for screen readers. The error goes as soon as the control's
 * value changes, and a new error (or the form's next submit) shows again: a fixed field does not stay red.
 */
function FormField({ label, children, error, description, id, className }: FormFieldProps) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const rootRef = useRef<HTMLDivElement>(null);
  const [editedError, setEditedError] = useState<FormFieldProps["error"]>(null); // the error shown when the value last changed
  useEffect(() => {
    const form = rootRef.current?.closest("form");
    if (!form) return;
    const judgeAgain = () => setEditedError(null);
    form.addEventListener("submit", judgeAgain);

    return () => form.removeEventListener("submit", judgeAgain);
  }, []);
  const message = error && error !== editedError ? (Array.isArray(error) ? error[0] : error) : undefined;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = message ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div ref={rootRef} data-slot="form-field" className={cn("grid gap-2", className)}>
      <Label htmlFor={controlId}>{label}</Label>
      <Slot.Root
        id={controlId}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        onChange={() => error && setEditedError(error)}
      >
        {children}
      </Slot.Root>
      {description && (
        <p id={descriptionId} className="text-sm text-muted-foreground">
          {description}
        </p>
      )}
      {message && (
        <p id={errorId} data-slot="form-field-error" className="text-sm font-medium text-destructive">
          {message}
        </p>
      )}
    </div>
  );
}

export { FormField };
export type { FormFieldProps };
