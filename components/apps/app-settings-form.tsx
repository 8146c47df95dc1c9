"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { updateAppSchema, type AppSummary } from "@/lib/apps/schemas.shared";
import { useUpdateApp } from "@/lib/client/apps/mutations";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useState } from "react";
import { toast } from "sonner";
import * as z from "zod";
import { RedirectUrisField, splitLines } from "./redirect-uris-field";

type Errors = { name?: string[]; description?: string[]; redirectUris?: string[]; form?: string };

/** Rename the application, change its description or its redirect URIs. */
export function AppSettingsForm({ app }: { app: AppSummary }) {
  const update = useUpdateApp(app.id);
  const [errors, setErrors] = useState<Errors>({});

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      redirectUris: splitLines(form.get("redirectUris")),
    };
    const parsed = updateAppSchema.safeParse(input);
    if (!parsed.success) return setErrors(z.flattenError(parsed.error).fieldErrors);
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: (saved) => toast.success(`Saved ${saved.name}.`),
      onError: (err) => setErrors(err instanceof ApiError && err.fields ? err.fields : { form: err.message }),
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Settings</CardTitle>
        <CardDescription>The name is what you see in lists and in the activity trail.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <FormError message={errors.form} />
          <FormField label="Name" description="Up to 80 characters." error={errors.name}>
            <Input name="name" required defaultValue={app.name} autoComplete="off" />
          </FormField>
          <FormField label="Description (optional)" error={errors.description}>
            <Textarea name="description" rows={2} defaultValue={app.description} />
          </FormField>
          <RedirectUrisField defaultValue={app.redirectUris} error={errors.redirectUris} />
          <Button type="submit" className="w-fit" pending={update.isPending}>
            Save changes
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
