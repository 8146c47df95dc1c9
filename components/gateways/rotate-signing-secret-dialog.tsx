"use client";

import { SecretValue } from "@/components/apps/secret-value";
import { ShownOnceNotice } from "@/components/apps/shown-once-notice";
import { RotateWithOverlapDialog } from "@/components/secrets/rotate-with-overlap-dialog";
import { Button } from "@/components/ui/button";
import type { Choice } from "@/components/ui/choice-group";
import type { SecretOverlap } from "@/lib/base/overlap.shared";
import { useRotateSigningSecret } from "@/lib/client/gateways/mutations";
import type { GatewaySummary } from "@/lib/gateways/schemas.shared";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";

const CHOICES: Choice<SecretOverlap>[] = [
  { value: "none", label: "Immediately", hint: "Notices are signed with the new secret only. Use this if the secret leaked." },
  {
    value: "1h",
    label: "Keep signing with the old secret for 1 hour",
    hint: "Notices carry both signatures while you update the gateway.",
  },
  { value: "24h", label: "Keep signing with the old secret for 24 hours", hint: "Both signatures for a day." },
];

/** "Rotate signing secret": choose the overlap, then see the new secret once. */
export function RotateSigningSecretDialog({ gateway }: { gateway: GatewaySummary }) {
  return (
    <RotateWithOverlapDialog
      rotate={useRotateSigningSecret(gateway.id)}
      trigger={
        <Button variant="outline" size="sm" aria-label={`Rotate signing secret of ${gateway.name}`}>
          <RefreshCw aria-hidden="true" /> Rotate signing secret
        </Button>
      }
      title={(rotated) => (rotated ? "The new signing secret" : `Rotate the signing secret of ${gateway.name}`)}
      description={(rotated) =>
        rotated
          ? rotated.previousSecretExpiresAt
            ? `The old secret keeps signing until ${new Date(rotated.previousSecretExpiresAt).toLocaleString("en")}. Give the gateway both, then only the new one.`
            : "Only this secret signs from now on. Update the gateway now."
          : "A new secret is issued. Choose how long notices carry a signature with the current one too."
      }
      legend="When should the current secret stop signing?"
      choices={CHOICES}
      submitLabel="Rotate secret"
      onRotated={() => toast.success(`New signing secret for ${gateway.name}.`)}
      reveal={(rotated) => (
        <>
          <ShownOnceNotice>
            Copy it now: <strong>you won&apos;t see it again</strong>.
          </ShownOnceNotice>
          <SecretValue label="Signing secret" value={rotated.signingSecret} />
        </>
      )}
    />
  );
}
