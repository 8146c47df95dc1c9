"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { DURATION_UNITS, NOT_A_NUMBER, toSeconds, type Duration, type DurationUnit } from "@/lib/base/duration.shared";
import { useId } from "react";

type DurationFieldProps = {
  label: string;
  value: Duration;
  onChange: (value: Duration) => void;
  error?: string | string[] | null;
  description?: React.ReactNode;
  /** Said when the amount is left empty, e.g. "The default applies." */
  emptyHint?: string;
};

function secondsHint(value: Duration, emptyHint: string) {
  const seconds = toSeconds(value);
  if (seconds === null) return emptyHint;
  if (Number.isNaN(seconds)) return NOT_A_NUMBER;

  return `= ${seconds.toLocaleString("en")} second${seconds === 1 ? "" : "s"}`;
}

/** A lifetime typed in human units (a number and minutes/hours/days), with the seconds it means shown below. */
export function DurationField({ label, value, onChange, error, description, emptyHint = "Not set." }: DurationFieldProps) {
  const id = useId();
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [message ? null : `${id}-seconds`, description ? `${id}-description` : null, message ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div data-slot="duration-field" className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          className="w-28"
          value={value.amount}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
        />
        <NativeSelect
          aria-label={`${label}: unit`}
          className="w-36"
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as DurationUnit })}
        >
          {Object.keys(DURATION_UNITS).map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </NativeSelect>
      </div>
      {/* One message at a time: an error replaces the hint it would repeat. */}
      {!message && (
        <p id={`${id}-seconds`} className="text-sm text-muted-foreground tabular-nums" data-testid="duration-seconds">
          {secondsHint(value, emptyHint)}
        </p>
      )}
      {description && (
        <p id={`${id}-description`} className="text-sm text-muted-foreground">
          {description}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} data-slot="form-field-error" className="text-sm font-medium text-destructive">
          {message}
        </p>
      )}
    </div>
  );
}
