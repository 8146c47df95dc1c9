"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useSettings, useUpdateSettings, type Settings } from "@/lib/client/settings/queries";
import { toast } from "sonner";

/** The global default for JWT to the backend: applies to every API version left at "Default". */
export function BackendJwtDefault({ initialSettings }: { initialSettings: Settings }) {
  const { data: settings = initialSettings } = useSettings(initialSettings);
  const update = useUpdateSettings();
  const on = settings.backend_jwt === "true";

  return (
    <Card>
      <CardHeader>
        <CardTitle>JWT to the backend</CardTitle>
        <CardDescription>
          With it, validation info per API carries a JWT the key manager signs (who calls, which application, tier and scope) for the
          gateway to forward to the API&apos;s upstream, which verifies it against the published keys. Each API version can choose for
          itself below.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <label className="flex w-fit items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={on}
            disabled={update.isPending}
            onChange={(e) =>
              update.mutate(
                { change: { backend_jwt: e.target.checked } },
                {
                  onSuccess: (saved) => toast.success(`JWT to the backend is ${saved.backend_jwt === "true" ? "on" : "off"} by default.`),
                  onError: (err) => toast.error(err.message),
                },
              )
            }
          />
          On for API versions left at Default
        </label>
      </CardContent>
    </Card>
  );
}
