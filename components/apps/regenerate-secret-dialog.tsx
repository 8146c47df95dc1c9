"use client";

import { RotateWithOverlapDialog } from "@/components/secrets/rotate-with-overlap-dialog";
import { Button } from "@/components/ui/button";
import type { Choice } from "@/components/ui/choice-group";
import type { SecretOverlap } from "@/lib/base/overlap.shared";
import { useRotateSecret } from "@/lib/client/apps/mutations";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { CredentialsReveal } from "./credentials-reveal";

const CHOICES: Choice<SecretOverlap>[] = [
  {
    value: "none",
    label: "Immediately",
    hint: "The current secret and every active token stop working now. Use this if the secret leaked.",
  },
  { value: "1h", label: "Keep the old secret for 1 hour", hint: "Both secrets work for an hour, so a running client can switch over." },
  { value: "24h", label: "Keep the old secret for 24 hours", hint: "Both secrets work for a day; tokens stay valid." },
];

/** "Regenerate secret": pick when the old secret ends, then see the new one once. */
export function RegenerateSecretDialog({ appId, clientId }: { appId: string; clientId: string }) {
  return (
    <RotateWithOverlapDialog
      rotate={useRotateSecret(appId)}
      trigger={
        <Button variant="outline">
          <RefreshCw aria-hidden="true" /> Regenerate secret
        </Button>
      }
      title={(rotated) => (rotated ? "Your new client secret" : "Regenerate client secret")}
      description={(rotated) =>
        rotated
          ? "Update your client with it before the old secret stops working."
          : "A new secret is issued. Choose when the current one stops working."
      }
      legend="When should the current secret stop working?"
      choices={CHOICES}
      submitLabel="Regenerate secret"
      onRotated={(_, overlap) =>
        toast.success(
          overlap === "none" ? "New secret issued; the old one no longer works." : "New secret issued; the old one still works for now.",
        )
      }
      reveal={(rotated) => <CredentialsReveal clientId={clientId} clientSecret={rotated.clientSecret} />}
    />
  );
}
