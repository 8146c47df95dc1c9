"use client";

import { SecretValue } from "@/components/apps/secret-value";
import { ShownOnceNotice } from "@/components/apps/shown-once-notice";
import { RotateWithOverlapDialog } from "@/components/secrets/rotate-with-overlap-dialog";
import { Button } from "@/components/ui/button";
import type { Choice } from "@/components/ui/choice-group";
import type { SecretOverlap } from "@/lib/base/overlap.shared";
import { useRotateGatewayClientSecret } from "@/lib/client/gateways/mutations";
import type { GatewaySummary } from "@/lib/gateways/schemas.shared";
import { KeyRound } from "lucide-react";
import { toast } from "sonner";

const CHOICES: Choice<SecretOverlap>[] = [
  {
    value: "none",
    label: "Immediately",
    hint: "The gateway's introspection and feed calls are refused until it has the new secret. Use this if it leaked.",
  },
  { value: "1h", label: "Keep the old secret working for 1 hour", hint: "Both authenticate while you update the gateway." },
  { value: "24h", label: "Keep the old secret working for 24 hours", hint: "Both for a day." },
];

/** "Rotate client secret": the gateway's introspection credentials, when the secret is lost or leaked; the new one is shown once. */
export function RotateClientSecretDialog({ gateway }: { gateway: GatewaySummary }) {
  return (
    <RotateWithOverlapDialog
      rotate={useRotateGatewayClientSecret(gateway.id)}
      trigger={
        <Button variant="outline" size="sm" aria-label={`Rotate client secret of ${gateway.name}`}>
          <KeyRound aria-hidden="true" /> Rotate client secret
        </Button>
      }
      title={(rotated) => (rotated ? "The new client secret" : `Rotate the client secret of ${gateway.name}`)}
      description={(rotated) =>
        rotated
          ? rotated.previousExpireAt
            ? `The old secret keeps working until ${new Date(rotated.previousExpireAt).toLocaleString("en")}. Give the gateway the new one before then.`
            : "The old secret no longer works. Give the gateway the new one now."
          : "A new secret is issued for the gateway's introspection client. Choose how long the current one keeps working."
      }
      legend="When should the current secret stop working?"
      choices={CHOICES}
      submitLabel="Rotate secret"
      onRotated={() => toast.success(`New client secret for ${gateway.name}.`)}
      reveal={(rotated) => (
        <>
          <ShownOnceNotice>
            Copy it now: <strong>you won&apos;t see it again</strong>.
          </ShownOnceNotice>
          <SecretValue label="Client ID" value={rotated.clientId} />
          <SecretValue label="Client secret" value={rotated.clientSecret} />
        </>
      )}
    />
  );
}
