"use client";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useSubscribe } from "@/lib/client/subscriptions/queries";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";

type Errors = Partial<Record<"appId" | "tier" | "form", string | string[]>>;

/** "Subscribe an application": one of the user's applications, on one of the API's tiers. */
export function SubscribeForm({ apiId, apps, tiers }: { apiId: string; apps: { id: string; name: string }[]; tiers: string[] }) {
  const subscribe = useSubscribe(apiId);
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  if (apps.length === 0) return <p className="text-sm text-muted-foreground">Create an application first to subscribe it.</p>;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setErrors({});
    subscribe.mutate(
      { appId: String(data.get("appId")), tier: String(data.get("tier")) },
      {
        onSuccess: ({ status }) => {
          toast.success(status === "pending" ? "Subscription requested: it waits for approval." : "Subscribed.");
          router.refresh();
        },
        onError: (err) => setErrors(err instanceof ApiError && err.fields ? err.fields : { form: err.message }),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
      <FormError message={typeof errors.form === "string" ? errors.form : undefined} />
      <FormField label="Application" error={errors.appId}>
        <NativeSelect name="appId">
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label="Tier" error={errors.tier}>
        <NativeSelect name="tier">
          {tiers.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <Button type="submit" className="mt-7" pending={subscribe.isPending}>
        Subscribe
      </Button>
    </form>
  );
}
