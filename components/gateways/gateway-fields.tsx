"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { revokeUrlWarning } from "@/lib/gateways/schemas.shared";
import { useState } from "react";

export type GatewayFieldErrors = { name?: string[]; environment?: string[]; revokeUrl?: string[]; canaryUrl?: string[]; form?: string };

type GatewayFieldsProps = {
  errors: GatewayFieldErrors;
  defaults?: { name: string; environment: string; revokeUrl: string; canaryUrl: string | null };
};

/** Name, environment, revoke URL and canary URL, shared by "Add gateway" and "Edit"; warns on plain http as it is typed. */
export function GatewayFields({ errors, defaults }: GatewayFieldsProps) {
  const [revokeUrl, setRevokeUrl] = useState(defaults?.revokeUrl ?? "");
  const warning = revokeUrlWarning(revokeUrl.trim());

  return (
    <>
      <FormField label="Name" error={errors.name}>
        <Input name="name" defaultValue={defaults?.name} required maxLength={80} autoComplete="off" />
      </FormField>
      <FormField label="Environment" error={errors.environment} description="A label such as production or sandbox.">
        <Input name="environment" defaultValue={defaults?.environment ?? "production"} required maxLength={40} autoComplete="off" />
      </FormField>
      <FormField
        label="Revoke URL"
        error={errors.revokeUrl}
        description={warning ? <span className="text-warning">{warning}</span> : "Where the gateway accepts signed revocation notices."}
      >
        <Input
          name="revokeUrl"
          type="url"
          inputMode="url"
          value={revokeUrl}
          onChange={(e) => setRevokeUrl(e.target.value)}
          placeholder="https://gateway.example.com/portcullis/revoke"
          required
          autoComplete="off"
        />
      </FormField>
      <FormField
        label="Canary URL (optional)"
        error={errors.canaryUrl}
        description="A route through this gateway that needs a valid token, for Verify: the reference gateway's /_gateway/canary."
      >
        <Input
          name="canaryUrl"
          type="url"
          inputMode="url"
          defaultValue={defaults?.canaryUrl ?? ""}
          placeholder="https://gateway.example.com/_gateway/canary"
          autoComplete="off"
        />
      </FormField>
    </>
  );
}

/** The fields of a gateway form, as the schemas expect them (an empty canary URL: none). */
export const readGatewayForm = (form: HTMLFormElement) => {
  const data = new FormData(form);

  return {
    name: String(data.get("name") ?? ""),
    environment: String(data.get("environment") ?? ""),
    revokeUrl: String(data.get("revokeUrl") ?? ""),
    canaryUrl: String(data.get("canaryUrl") ?? ""),
  };
};
