"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import type { AppSummary } from "@/lib/apps/schemas.shared";
import { tokenFormatSchema, type TokenFormat } from "@/lib/base/token-format.shared";
import { useSetTokenFormat } from "@/lib/client/apps/mutations";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useState } from "react";
import { toast } from "sonner";

const LABELS: Record<TokenFormat, string> = { opaque: "Opaque (pcl_at_…)", jwt: "JWT (RFC 9068)" };

/** Opaque or JWT access tokens: the owner's choice on the Keys tab, and an admin's for any application. */
export function TokenFormatCard({ app }: { app: AppSummary }) {
  const setFormat = useSetTokenFormat(app.id);
  const [format, setLocal] = useState<TokenFormat>(app.tokenFormat);
  const fieldError = setFormat.error instanceof ApiError ? setFormat.error.fields?.tokenFormat : undefined;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormat.mutate(format, {
      onSuccess: (saved) => toast.success(`New access tokens of ${saved.name} are ${saved.tokenFormat === "jwt" ? "JWTs" : "opaque"}.`),
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Access token format</CardTitle>
        <CardDescription>
          JWTs can be checked by a gateway against the key manager&apos;s published keys without asking it; both kinds are revoked the same
          way. Tokens already issued keep their format.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label="Access token format">
          <FormField label="Format" error={fieldError ?? setFormat.error?.message} className="min-w-56">
            <NativeSelect value={format} onChange={(e) => setLocal(tokenFormatSchema.parse(e.target.value))}>
              {Object.entries(LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <Button type="submit" variant="outline" pending={setFormat.isPending} disabled={format === app.tokenFormat}>
            Save format
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
