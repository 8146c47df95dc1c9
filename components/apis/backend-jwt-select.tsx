"use client";

import { NativeSelect } from "@/components/ui/native-select";
import { BACKEND_JWT_CHOICES, type ApiSummary, type BackendJwtChoice } from "@/lib/apis/schemas.shared";
import { useSetBackendJwt } from "@/lib/client/apis/queries";
import { useId } from "react";
import { toast } from "sonner";

/** JWT to the backend for one API version: saved on change; gateways drop the validation info they cached. */
export function BackendJwtSelect({ api, globalDefault }: { api: ApiSummary; globalDefault: boolean }) {
  const set = useSetBackendJwt(api.id);
  const id = useId();
  const labels: Record<BackendJwtChoice, string> = { default: `Default (${globalDefault ? "on" : "off"})`, on: "On", off: "Off" };

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs text-muted-foreground">
        JWT to the backend
        <span className="sr-only">
          {" "}
          for {api.name} {api.version}
        </span>
      </label>
      <NativeSelect
        id={id}
        className="h-8 w-auto text-xs"
        value={api.backendJwt}
        disabled={set.isPending}
        onChange={(e) =>
          set.mutate(e.target.value as BackendJwtChoice, {
            onSuccess: ({ backendJwt }) => toast.success(`JWT to the backend for ${api.name} ${api.version}: ${labels[backendJwt]}.`),
            onError: (err) => toast.error(err.message),
          })
        }
      >
        {BACKEND_JWT_CHOICES.map((c) => (
          <option key={c} value={c}>
            {labels[c]}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
