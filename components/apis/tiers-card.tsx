"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createTierSchema, type TierSummary } from "@/lib/apis/schemas.shared";
import { useCreateTier, useTiers } from "@/lib/client/apis/queries";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useState } from "react";
import { toast } from "sonner";
import * as z from "zod";

type Errors = Partial<Record<"name" | "requestsPerMinute" | "dailyQuota" | "form", string | string[]>>;

/** Tiers (plans): defined once here, offered per API. */
export function TiersCard({ initialTiers }: { initialTiers: TierSummary[] }) {
  const { data: tiers = initialTiers } = useTiers(initialTiers);
  const create = useCreateTier();
  const [errors, setErrors] = useState<Errors>({});

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      name: String(data.get("name")),
      requestsPerMinute: String(data.get("requestsPerMinute")),
      dailyQuota: String(data.get("dailyQuota") ?? ""),
    };
    const parsed = createTierSchema.safeParse(input);
    if (!parsed.success) return setErrors(z.flattenError(parsed.error).fieldErrors);
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (tier) => {
        toast.success(`Tier ${tier.name} is defined.`);
        form.reset();
      },
      onError: (err) => setErrors(err instanceof ApiError && err.fields ? err.fields : { form: err.message }),
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Tiers</CardTitle>
        <CardDescription>Rate limits the gateway enforces per application and API.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <ul className="grid gap-1 text-sm" aria-label="Tiers">
          {tiers.map((t) => (
            <li key={t.id}>
              <span className="font-medium">{t.name}</span> — {t.requestsPerMinute} requests/min
              {t.dailyQuota ? `, ${t.dailyQuota} a day` : ""}
            </li>
          ))}
          {tiers.length === 0 && <li className="text-muted-foreground">No tiers yet.</li>}
        </ul>
        <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-4 sm:items-start">
          <FormError message={typeof errors.form === "string" ? errors.form : undefined} />
          <FormField label="Tier name" error={errors.name}>
            <Input name="name" />
          </FormField>
          <FormField label="Requests per minute" error={errors.requestsPerMinute}>
            <Input name="requestsPerMinute" inputMode="numeric" />
          </FormField>
          <FormField label="Daily quota (optional)" error={errors.dailyQuota}>
            <Input name="dailyQuota" inputMode="numeric" />
          </FormField>
          <Button type="submit" className="sm:mt-7" pending={create.isPending}>
            Add tier
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
