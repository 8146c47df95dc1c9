"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { createApiSchema, type TierSummary } from "@/lib/apis/schemas.shared";
import { useCreateApi, useTiers } from "@/lib/client/apis/queries";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useState } from "react";
import { toast } from "sonner";
import * as z from "zod";

type Field = "name" | "context" | "version" | "description" | "openapi" | "gatewayUrl" | "tiers" | "form";
type Errors = Partial<Record<Field, string | string[]>>;

/** Registers an API version as a draft: its OpenAPI document pasted or uploaded, its tiers, whether subscriptions need approval. */
export function AddApiForm({ initialTiers }: { initialTiers: TierSummary[] }) {
  const { data: tiers = initialTiers } = useTiers(initialTiers);
  const create = useCreateApi();
  const [errors, setErrors] = useState<Errors>({});
  const [openapi, setOpenapi] = useState("");

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setOpenapi(await file.text());
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      name: String(data.get("name")),
      context: String(data.get("context")),
      version: String(data.get("version")),
      description: String(data.get("description")),
      gatewayUrl: String(data.get("gatewayUrl")),
      openapi: openapi.trim() ? openapi : undefined,
      tiers: data.getAll("tiers").map(String),
      approvalRequired: data.get("approvalRequired") === "on",
    };
    const parsed = createApiSchema.safeParse(input);
    if (!parsed.success) return setErrors(z.flattenError(parsed.error).fieldErrors);
    setErrors({});
    create.mutate(input, {
      onSuccess: (api) => {
        toast.success(`${api.name} ${api.version} is saved as a draft.`);
        form.reset();
        setOpenapi("");
      },
      onError: (err) => setErrors(err instanceof ApiError && err.fields ? err.fields : { form: err.message }),
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Add an API version</CardTitle>
        <CardDescription>It starts as a draft; publish it to open it to subscriptions.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <FormError message={typeof errors.form === "string" ? errors.form : undefined} />
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField label="Name" error={errors.name}>
              <Input name="name" />
            </FormField>
            <FormField label="Context" error={errors.context} description="A path, e.g. /weather">
              <Input name="context" />
            </FormField>
            <FormField label="Version" error={errors.version} description="e.g. v1">
              <Input name="version" />
            </FormField>
          </div>
          <FormField label="Description" error={errors.description}>
            <Textarea name="description" rows={2} />
          </FormField>
          <FormField label="Gateway URL" error={errors.gatewayUrl} description="Where subscribers call it, e.g. https://gw.example.com">
            <Input name="gatewayUrl" type="url" />
          </FormField>
          <fieldset className="grid gap-2">
            <legend className="text-sm font-medium">Tiers offered</legend>
            <div className="flex flex-wrap gap-4">
              {tiers.map((t) => (
                <label key={t.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="tiers" value={t.name} /> {t.name}
                </label>
              ))}
            </div>
            {errors.tiers && <p className="text-sm font-medium text-destructive">{[errors.tiers].flat()[0]}</p>}
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="approvalRequired" /> Subscriptions need an admin&apos;s approval
          </label>
          <FormField label="OpenAPI document (JSON or YAML, 3.x)" error={errors.openapi}>
            <Textarea name="openapi" rows={6} className="font-mono text-xs" value={openapi} onChange={(e) => setOpenapi(e.target.value)} />
          </FormField>
          <label className="grid gap-1 text-sm">
            <span>Or upload the document</span>
            <input type="file" accept=".json,.yaml,.yml,application/json,application/yaml" onChange={onFile} />
          </label>
          <Button type="submit" className="w-fit" pending={create.isPending}>
            Save draft
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
