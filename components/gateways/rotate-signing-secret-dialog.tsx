"use client";

import { SecretValue } from "@/components/apps/secret-value";
import { ShownOnceNotice } from "@/components/apps/shown-once-notice";
import { Button } from "@/components/ui/button";
import { ChoiceGroup, type Choice } from "@/components/ui/choice-group";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { DEFAULT_OVERLAP, type SecretOverlap } from "@/lib/base/overlap.shared";
import { useRotateSigningSecret, type RotatedSigningSecret } from "@/lib/client/gateways/mutations";
import type { GatewaySummary } from "@/lib/gateways/schemas.shared";
import { RefreshCw } from "lucide-react";
import { useState } from "react";
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
  const rotate = useRotateSigningSecret(gateway.id);
  const [open, setOpen] = useState(false);
  const [overlap, setOverlap] = useState<SecretOverlap>(DEFAULT_OVERLAP);
  const [rotated, setRotated] = useState<RotatedSigningSecret | null>(null);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setRotated(null);
      setOverlap(DEFAULT_OVERLAP);
      rotate.reset();
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rotate.mutate(overlap, {
      onSuccess: (result) => {
        setRotated(result);
        toast.success(`New signing secret for ${gateway.name}.`);
      },
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Rotate signing secret of ${gateway.name}`}>
          <RefreshCw aria-hidden="true" /> Rotate signing secret
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{rotated ? "The new signing secret" : `Rotate the signing secret of ${gateway.name}`}</DialogTitle>
          <DialogDescription>
            {rotated
              ? rotated.previousSecretExpiresAt
                ? `The old secret keeps signing until ${new Date(rotated.previousSecretExpiresAt).toLocaleString("en")}. Give the gateway both, then only the new one.`
                : "Only this secret signs from now on. Update the gateway now."
              : "A new secret is issued. Choose how long notices carry a signature with the current one too."}
          </DialogDescription>
        </DialogHeader>
        {rotated ? (
          <>
            <ShownOnceNotice>
              Copy it now: <strong>you won&apos;t see it again</strong>.
            </ShownOnceNotice>
            <SecretValue label="Signing secret" value={rotated.signingSecret} />
            <DialogFooter>
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4">
            <FormError message={rotate.error?.message} />
            <ChoiceGroup
              legend="When should the current secret stop signing?"
              name="overlap"
              choices={CHOICES}
              value={overlap}
              onChange={setOverlap}
            />
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant={overlap === "none" ? "destructive" : "default"} pending={rotate.isPending}>
                Rotate secret
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
