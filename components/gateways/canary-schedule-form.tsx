"use client";

import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useUpdateSettings } from "@/lib/client/settings/queries";
import { useState } from "react";
import { toast } from "sonner";

const MINUTES_IN_A_DAY = 1440;

/** Whole minutes from 0 (off) to a day, or the reason it is not. */
function readMinutes(raw: string): number | string {
  const minutes = Number(raw.trim());
  if (raw.trim() === "" || !Number.isInteger(minutes)) return "Enter whole minutes, or 0 for off.";
  if (minutes < 0 || minutes > MINUTES_IN_A_DAY) return "From 0 (off) to 1440 minutes (a day).";

  return minutes;
}

/** The scheduled canary (setting `canary_interval`, in seconds): how often every gateway with a canary URL is verified. */
export function CanaryScheduleForm({ intervalSeconds }: { intervalSeconds: number }) {
  const update = useUpdateSettings();
  const [minutes, setMinutes] = useState(String(intervalSeconds / 60));
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readMinutes(minutes);
    if (typeof read === "string") return setError(read);
    setError(null);
    update.mutate(
      { change: { canary_interval: read * 60 } },
      {
        onSuccess: () => toast.success(read === 0 ? "Scheduled canary off." : `The canary runs through every gateway every ${read} min.`),
        onError: (err) => setError(err instanceof ApiError && err.fields?.canary_interval ? err.fields.canary_interval[0] : err.message),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label="Scheduled canary">
      <FormField
        label="Run the canary every (minutes)"
        error={error}
        description="Each gateway with a canary URL is verified this often; 0 turns the schedule off."
        className="max-w-sm"
      >
        <Input name="canaryMinutes" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} autoComplete="off" />
      </FormField>
      <Button type="submit" variant="outline" pending={update.isPending}>
        Save schedule
      </Button>
    </form>
  );
}
