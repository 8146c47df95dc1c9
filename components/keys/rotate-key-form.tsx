"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { formatDuration } from "@/lib/base/duration.shared";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useRotateKey } from "@/lib/client/keys/queries";
import { SIGNING_ALGS, type SigningAlg } from "@/lib/engine/keys/schemas.shared";
import { useState } from "react";
import { toast } from "sonner";

/** Rotate the signing key: the algorithm and how long the replaced key keeps verifying (seconds). */
export function RotateKeyForm({ defaultOverlap }: { defaultOverlap: number }) {
  const rotate = useRotateKey();
  const [alg, setAlg] = useState<SigningAlg>("ES256");
  const [overlap, setOverlap] = useState(String(defaultOverlap));
  const fields = rotate.error instanceof ApiError ? rotate.error.fields : undefined;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rotate.mutate(
      { alg, overlapSeconds: (overlap.trim() === "" ? undefined : overlap.trim()) as unknown as number },
      {
        onSuccess: (r) =>
          toast.success(`New ${r.alg} key ${r.kid.slice(0, 8)}… signs from ${new Date(r.activatesAt).toLocaleTimeString("en")}.`),
      },
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Rotate the signing key</CardTitle>
        <CardDescription>
          The new key is published at once and signs a few seconds later, when every instance lists it. The replaced key stays published for
          the overlap, so JWTs it signed keep verifying: by default the longest an access token lives ({formatDuration(defaultOverlap)}). An
          overlap of 0 drops it at once — for a leaked key.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Rotate the signing key">
          {!fields && <FormError message={rotate.error?.message} />}
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Algorithm" error={fields?.alg}>
              <NativeSelect value={alg} onChange={(e) => setAlg(e.target.value as SigningAlg)}>
                {SIGNING_ALGS.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField label="Overlap (seconds)" error={fields?.overlapSeconds} description="How long the replaced key still verifies.">
              <Input inputMode="numeric" value={overlap} onChange={(e) => setOverlap(e.target.value)} />
            </FormField>
          </div>
          <Button type="submit" className="w-fit" pending={rotate.isPending}>
            Rotate key
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
