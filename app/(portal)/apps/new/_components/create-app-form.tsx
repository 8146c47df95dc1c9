"use client";

import { CredentialsReveal } from "@/components/apps/credentials-reveal";
import { RedirectUrisField, splitLines } from "@/components/apps/redirect-uris-field";
import { Button, buttonVariants } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { createAppSchema, type CreatedApp, type CreatedPublicApp } from "@/lib/apps/schemas.shared";
import { useCreateApp } from "@/lib/client/apps/mutations";
import { ApiError } from "@/lib/client/http/fetch-json";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import * as z from "zod";

type Errors = { name?: string[]; description?: string[]; redirectUris?: string[]; form?: string };

export function CreateAppForm() {
  const createApp = useCreateApp();
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<CreatedApp | CreatedPublicApp | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      redirectUris: splitLines(form.get("redirectUris")),
      publicClient: form.get("publicClient") === "on",
    };
    const parsed = createAppSchema.safeParse(input);
    if (!parsed.success) return setErrors(z.flattenError(parsed.error).fieldErrors);
    setErrors({});
    createApp.mutate(parsed.data, {
      onSuccess: (result) => {
        setCreated(result);
        toast.success(`${result.app.name} is registered.`);
      },
      onError: (err) => setErrors(err instanceof ApiError && err.fields ? err.fields : { form: err.message }),
    });
  }

  if (created) {
    return (
      <div className="grid gap-6">
        <div>
          <h2 className="text-lg font-semibold">{created.app.name} is ready</h2>
          <p className="text-sm text-muted-foreground">
            {created.clientSecret === null
              ? "Sign people in with the authorization code flow and PKCE; this client has no secret."
              : "Use these credentials at the token endpoint: client_credentials, or sign people in with the authorization code flow and PKCE."}
          </p>
        </div>
        <CredentialsReveal clientId={created.clientId} clientSecret={created.clientSecret} />
        <Link href={`/apps/${created.app.id}`} className={buttonVariants({ className: "w-fit" })}>
          {created.clientSecret === null ? "Open the application" : "I've saved the secret — open the application"}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      <FormError message={errors.form} />
      <FormField label="Name" description="Up to 80 characters." error={errors.name}>
        <Input name="name" required autoComplete="off" autoFocus />
      </FormField>
      <FormField label="Description (optional)" error={errors.description}>
        <Textarea name="description" rows={2} />
      </FormField>
      <RedirectUrisField error={errors.redirectUris} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="publicClient" className="mt-0.5 size-4 accent-primary" />
        <span>Public client — a browser or mobile app that cannot keep a secret: no client secret, authorization code with PKCE only.</span>
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={createApp.isPending}>
          Create application
        </Button>
        <Link href="/apps" className={buttonVariants({ variant: "ghost" })}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
