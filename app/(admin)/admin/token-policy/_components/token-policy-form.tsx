"use client";

import { plural } from "@/components/apps/plural";
import { DurationField } from "@/components/settings/duration-field";
import { ShortenTokensDialog, type LoweredMaximum } from "@/components/settings/shorten-tokens-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { toSeconds, type Duration } from "@/lib/base/duration.shared";
import { AppError } from "@/lib/base/errors.shared";
import { ApiError } from "@/lib/client/http/fetch-json";
import { usePreviewShortening, useSettings, useShortenTokens, useUpdateSettings, type Settings } from "@/lib/client/settings/queries";
import { REFRESH_CEILING, SETTINGS } from "@/lib/engine/settings/definitions.shared";
import { validateSettings, type SettingsChange } from "@/lib/settings/validate-settings.shared";
import { useState } from "react";
import { toast } from "sonner";
import { loweredMaximums, readChange, toDurations, type DurationKey } from "./policy-change";
import { SettingSwitch } from "./setting-switch";

type Pending = { change: SettingsChange; lowered: LoweredMaximum[] };

function checkRules(saved: Settings, change: SettingsChange, confirmLongRefresh: boolean): Record<string, string[]> {
  try {
    validateSettings(saved, change, { confirmLongRefresh });
    return {};
  } catch (err) {
    if (err instanceof AppError && err.fields) return err.fields;
    throw err;
  }
}

/** Defaults, maximums, overrides and the purge grace period; a lowered maximum is dry-run before it is saved. */
export function TokenPolicyForm({ initialSettings }: { initialSettings: Settings }) {
  const { data: saved = initialSettings } = useSettings(initialSettings);
  const [durations, setDurations] = useState(() => toDurations(initialSettings));
  const [overrides, setOverrides] = useState(initialSettings.app_overrides_allowed === "true");
  const [confirmLong, setConfirmLong] = useState(false);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const update = useUpdateSettings();
  const preview = usePreviewShortening();
  const shorten = useShortenTokens();

  const refreshMax = toSeconds(durations.refresh_token_max_ttl);
  const asksConfirm = refreshMax !== null && refreshMax > REFRESH_CEILING && refreshMax !== Number(saved.refresh_token_max_ttl);
  const setDuration = (key: DurationKey) => (value: Duration) => {
    setDurations((d) => ({ ...d, [key]: value }));
    // A fixed field loses its error at once; so does its pair (a default is judged against its maximum).
    const family = key.split("_")[0];
    setFields((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== key && !(k.startsWith(family) && key.startsWith(family)))));
  };
  const showError = (err: Error) => {
    if ((err instanceof ApiError || err instanceof AppError) && err.fields) setFields(err.fields);
    else setFormError(err.message);
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFields({});
    setFormError(null);
    const { change, fields: local } = readChange(durations, overrides);
    // Every problem at once: what needs no server (not a number) and the rules between values (the server checks again).
    const rules = checkRules(saved, change, confirmLong);
    if (Object.keys(local).length + Object.keys(rules).length > 0) return setFields({ ...rules, ...local });
    try {
      const lowered = loweredMaximums(saved, change);
      if (lowered.length === 0) return save({ change, lowered: [] }, false);
      const previews = await Promise.all(lowered.map((l) => preview.mutateAsync(l)));
      setPending({ change, lowered: lowered.map((l, i) => ({ ...l, preview: previews[i] })) });
    } catch (err) {
      showError(err as Error);
    }
  }

  function save({ change, lowered }: Pending, shortenExisting: boolean) {
    update.mutate(
      { change, confirmLongRefresh: confirmLong },
      {
        onSuccess: async (next) => {
          setDurations(toDurations(next));
          setConfirmLong(false);
          try {
            if (!shortenExisting) return toast.success("Token policy saved. Tokens issued from now on follow it.");
            const results = await Promise.all(lowered.map(({ type, maxTtl }) => shorten.mutateAsync({ type, maxTtl })));
            const shortened = results.reduce((sum, r) => sum + r.shortened, 0);
            toast.success(`Token policy saved; ${plural(shortened, "existing token")} shortened and gateways notified.`);
          } catch (err) {
            toast.error(`Saved, but existing tokens were not shortened: ${(err as Error).message}`);
          } finally {
            setPending(null);
          }
        },
        onError: (err) => {
          setPending(null);
          showError(err);
          toast.error("Nothing was saved.");
        },
      },
    );
  }

  const field = (key: DurationKey, description?: React.ReactNode) => (
    <DurationField
      label={SETTINGS[key].label}
      value={durations[key]}
      onChange={setDuration(key)}
      error={fields[key]}
      description={description}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" aria-label="Token policy">
      <FormError message={formError} />
      <Card>
        <CardHeader>
          <CardTitle>Access tokens</CardTitle>
          <CardDescription>Applies to every token issued from the next request on, in every portal instance.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          {field("access_token_ttl")}
          {field("access_token_max_ttl", "No access token lives longer, whatever an application asks for.")}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Refresh tokens</CardTitle>
          <CardDescription>Every refresh token expires: one that never did could be used by a thief for years.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          {field("refresh_token_ttl")}
          {field(
            "refresh_reuse_grace",
            "A refresh token used twice revokes its whole grant. Within this window (0 to 60 seconds) one retry of a lost response is accepted.",
          )}
          <div className="grid gap-3">
            {field("refresh_token_max_ttl", "Up to 90 days; longer only once you confirm.")}
            {asksConfirm && (
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-primary"
                  checked={confirmLong}
                  onChange={(e) => {
                    setConfirmLong(e.target.checked);
                    setFields(({ refresh_token_max_ttl: _, ...rest }) => rest);
                  }}
                />
                Yes, refresh tokens may live longer than 90 days.
              </label>
            )}
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Applications and purging</CardTitle>
          <CardDescription>Expired and revoked tokens are deleted once this grace period has passed.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          <SettingSwitch
            label={SETTINGS.app_overrides_allowed.label}
            hint="Within the maximums above. Off: every application gets the defaults."
            checked={overrides}
            onChange={setOverrides}
          />
          {field("purge_grace_period")}
        </CardContent>
      </Card>
      <Button type="submit" className="w-fit" pending={update.isPending || preview.isPending}>
        Save token policy
      </Button>
      <ShortenTokensDialog
        lowered={pending?.lowered ?? []}
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        onApply={(shortenExisting) => pending && save(pending, shortenExisting)}
        pending={update.isPending || shorten.isPending}
      />
    </form>
  );
}
