"use client";

import { DurationField } from "@/components/settings/duration-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { fromSeconds, NOT_A_NUMBER, toSeconds } from "@/lib/base/duration.shared";
import { AppError } from "@/lib/base/errors.shared";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useSettings, useUpdateSettings, type Settings } from "@/lib/client/settings/queries";
import { SETTINGS } from "@/lib/engine/settings/definitions.shared";
import { validateSettings } from "@/lib/settings/validate-settings.shared";
import { useState } from "react";
import { toast } from "sonner";
import { SettingSwitch } from "./setting-switch";

/** The key manager's validation cache: on/off and its TTL, saved on their own (the server checks again). */
export function ValidationCacheForm({ initialSettings }: { initialSettings: Settings }) {
  const { data: saved = initialSettings } = useSettings(initialSettings);
  const [enabled, setEnabled] = useState(initialSettings.validation_cache === "true");
  const [ttl, setTtl] = useState(() => fromSeconds(Number(initialSettings.validation_cache_ttl)));
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateSettings();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const seconds = toSeconds(ttl);
    if (seconds === null || Number.isNaN(seconds))
      return setFields({ validation_cache_ttl: [seconds === null ? "Enter a TTL." : NOT_A_NUMBER] });
    const change = { validation_cache: enabled, validation_cache_ttl: seconds };
    try {
      validateSettings(saved, change);
    } catch (err) {
      if (err instanceof AppError && err.fields) return setFields(err.fields);
      throw err;
    }
    update.mutate(
      { change },
      {
        onSuccess: (next) => {
          setTtl(fromSeconds(Number(next.validation_cache_ttl)));
          toast.success(enabled ? "Validation cache on, in every portal instance." : "Validation cache off, in every portal instance.");
        },
        onError: (err) => {
          if ((err instanceof ApiError || err instanceof AppError) && err.fields) setFields(err.fields);
          else setFormError(err.message);
          toast.error("Nothing was saved.");
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" aria-label="Validation cache">
      <Card>
        <CardHeader>
          <CardTitle>Validation cache</CardTitle>
          <CardDescription>
            Keeps introspection answers in each portal instance&apos;s memory, so gateways need not cache them. A revoked, shortened or
            unsubscribed token is dropped from every instance at once; no answer outlives its token.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          <FormError message={formError} />
          <SettingSwitch
            label={SETTINGS.validation_cache.label}
            hint="Off: every introspection reads the database."
            checked={enabled}
            onChange={setEnabled}
          />
          <DurationField
            label={SETTINGS.validation_cache_ttl.label}
            value={ttl}
            onChange={(value) => {
              setTtl(value);
              setFields({});
            }}
            error={fields.validation_cache_ttl}
            description="At most the maximum access token lifetime."
          />
        </CardContent>
      </Card>
      <Button type="submit" variant="outline" className="w-fit" pending={update.isPending}>
        Save validation cache
      </Button>
    </form>
  );
}
