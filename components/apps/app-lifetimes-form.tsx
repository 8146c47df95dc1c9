"use client";

import { DurationField } from "@/components/settings/duration-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import type { AppSummary } from "@/lib/apps/schemas.shared";
import { formatDuration, fromSeconds, NOT_A_NUMBER, toSeconds, type Duration } from "@/lib/base/duration.shared";
import { useUpdateApp } from "@/lib/client/apps/mutations";
import { ApiError } from "@/lib/client/http/fetch-json";
import type { TokenPolicy } from "@/lib/engine/settings/definitions.shared";
import { useState } from "react";
import { toast } from "sonner";

type Errors = { accessTokenTtl?: string[]; refreshTokenTtl?: string[]; form?: string };

const limits = (policy: TokenPolicy, kind: "access" | "refresh") =>
  kind === "access"
    ? `Default ${formatDuration(policy.accessTokenTtl)}; at most ${formatDuration(policy.accessTokenMaxTtl)}.`
    : `Default ${formatDuration(policy.refreshTokenTtl)}; at most ${formatDuration(policy.refreshTokenMaxTtl)}.`;

/** The application's own token lifetimes, when the admin allows them, within the admin's maximums. */
export function AppLifetimesForm({ app, policy }: { app: AppSummary; policy: TokenPolicy }) {
  const update = useUpdateApp(app.id);
  const [access, setAccess] = useState<Duration>(() => fromSeconds(app.accessTokenTtl));
  const [refresh, setRefresh] = useState<Duration>(() => fromSeconds(app.refreshTokenTtl, "days"));
  const [errors, setErrors] = useState<Errors>({});

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const [accessTokenTtl, refreshTokenTtl] = [toSeconds(access), toSeconds(refresh)];
    const local: Errors = {
      ...(Number.isNaN(accessTokenTtl) ? { accessTokenTtl: [NOT_A_NUMBER] } : {}),
      ...(Number.isNaN(refreshTokenTtl) ? { refreshTokenTtl: [NOT_A_NUMBER] } : {}),
    };
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    update.mutate(
      { accessTokenTtl, refreshTokenTtl },
      {
        onSuccess: () => toast.success("Token lifetimes saved. New tokens of this application follow them."),
        onError: (err) => setErrors(err instanceof ApiError && err.fields ? err.fields : { form: err.message }),
      },
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Token lifetimes</CardTitle>
        <CardDescription>
          {policy.appOverridesAllowed
            ? "How long this application's tokens live, within the maximums the admin sets."
            : `The admin doesn't allow applications to set their own lifetimes: access tokens live ${formatDuration(policy.accessTokenTtl)}, refresh tokens ${formatDuration(policy.refreshTokenTtl)}.`}
        </CardDescription>
      </CardHeader>
      {policy.appOverridesAllowed && (
        <CardContent>
          <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label="Token lifetimes">
            <FormError message={errors.form} />
            <div className="grid gap-5 sm:grid-cols-2">
              <DurationField
                label="Access token lifetime"
                value={access}
                onChange={setAccess}
                error={errors.accessTokenTtl}
                description={limits(policy, "access")}
                emptyHint="Empty: the default applies."
              />
              <DurationField
                label="Refresh token lifetime"
                value={refresh}
                onChange={setRefresh}
                error={errors.refreshTokenTtl}
                description={limits(policy, "refresh")}
                emptyHint="Empty: the default applies."
              />
            </div>
            <Button type="submit" className="w-fit" pending={update.isPending}>
              Save lifetimes
            </Button>
          </form>
        </CardContent>
      )}
    </Card>
  );
}
