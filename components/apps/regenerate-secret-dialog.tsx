"use client";

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
import { useRotateSecret } from "@/lib/client/apps/mutations";
import type { RotatedSecret } from "@/lib/clients/rotate-client-secret";
import { RefreshCw } from "lucide-react";
import { useState } from "react";
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
  const rotate = useRotateSecret(appId);
  const [open, setOpen] = useState(false);
  const [overlap, setOverlap] = useState<SecretOverlap>(DEFAULT_OVERLAP);
  const [rotated, setRotated] = useState<RotatedSecret | null>(null);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setRotated(null); // the secret is gone from memory once the dialog closes
      setOverlap(DEFAULT_OVERLAP);
      rotate.reset();
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rotate.mutate(overlap, {
      onSuccess: (result) => {
        setRotated(result);
        toast.success(
          overlap === "none" ? "New secret issued; the old one no longer works." : "New secret issued; the old one still works for now.",
        );
      },
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <RefreshCw aria-hidden="true" /> Regenerate secret
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{rotated ? "Your new client secret" : "Regenerate client secret"}</DialogTitle>
          <DialogDescription>
            {rotated
              ? "Update your client with it before the old secret stops working."
              : "A new secret is issued. Choose when the current one stops working."}
          </DialogDescription>
        </DialogHeader>
        {rotated ? (
          <>
            <CredentialsReveal clientId={clientId} clientSecret={rotated.clientSecret} />
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
              legend="When should the current secret stop working?"
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
                Regenerate secret
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
